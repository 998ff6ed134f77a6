// `pnpm --filter @frontdesk/server exec tsx bench/encryption.bench.ts` (part of `pnpm bench`): what
// encryption at rest (ADR 0025) adds to `patients.get` and to writing a clinical note. The floor is
// the same procedure in the same run with a pass-through cipher (values stored as plain text), so
// the ratio shows the cost of AES-GCM and the key lookup, not the machine's mood.
import { cpus } from "node:os";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "@frontdesk/api/testing";
import type { ServerDeps } from "@frontdesk/api";
import { createDb, withTenant } from "@frontdesk/db";
import { appointments } from "@frontdesk/db/schema";
import { startTestServer } from "@frontdesk/db/testing/server";

const WARMUP = 50;
const RUNS = 600;
const APPOINTMENTS = 20;

type Cipher = ReturnType<ServerDeps["vault"]["forClinic"]>;
const passThrough = <T extends string | null>(_field: unknown, _rowId: string, value: T): Promise<T> => Promise.resolve(value);
const plainCipher: Cipher = { seal: passThrough, open: passThrough };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

async function main() {
  const database = await startTestServer();
  const { db, close } = createDb(database.urls.appUrl, { max: 4 });
  try {
    const clinic = await createBookableClinic(db, { practitioners: 1 });
    const encrypted = createTestDeps(db).deps;
    const plain = createTestDeps(db, { vault: { keys: encrypted.vault.keys, forClinic: () => plainCipher } }).deps;
    const modes = { encrypted, plain };

    /** Per mode: a patient with a 1000-character note and 20 appointments with a 200-character note each, and a draft. */
    const setups = await Promise.all(
      Object.entries(modes).map(async ([name, deps]) => {
        const desk = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
        const practitioner = callerFor(deps, await sessionFor(deps, clinic.practitionerUserId, clinic.clinicId)).caller;
        const patient = await desk.patients.create({ fullName: `Bench ${name}`, notes: "n".repeat(1000) });
        await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, async (tx) => {
          const cipher = deps.vault.forClinic(tx, clinic.clinicId);
          for (let i = 0; i < APPOINTMENTS; i++) {
            const id = crypto.randomUUID();
            const start = new Date(Date.UTC(2026, 0, 1 + i, name === "plain" ? 9 : 11));
            const end = new Date(start.getTime() + 30 * 60_000);
            const notes = await cipher.seal({ table: appointments, clinicId: appointments.clinicId, id: appointments.id, column: appointments.notes }, id, "a".repeat(200));
            await tx.insert(appointments).values({ id, clinicId: clinic.clinicId, practitionerId: clinic.practitionerIds[0]!, serviceId: clinic.serviceId, patientId: patient.id, startsAt: start, endsAt: end, blockedFrom: start, blockedTo: end, source: "staff", notes });
          }
        });
        const draft = await practitioner.notes.saveDraft({ patientId: patient.id, content: { body: "b".repeat(2000), sections: [{ heading: "Plan", text: "p".repeat(500) }] } });
        let version = draft.version;
        return {
          name,
          get: () => desk.patients.get({ patientId: patient.id }),
          write: async () => {
            const saved = await practitioner.notes.saveDraft({ noteId: draft.id, patientId: patient.id, content: { body: `${version}`.padEnd(2000, "b"), sections: [{ heading: "Plan", text: "p".repeat(500) }] }, expectedVersion: version });
            version = saved.version;
          },
        };
      }),
    );

    const lines = [`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, PostgreSQL 18 (embedded, fsync off); ${new Date().toISOString().slice(0, 10)}.`, ""];
    lines.push("| procedure | plain (floor) median / p95 ms | encrypted median / p95 ms | ratio of medians |", "|---|---:|---:|---:|");
    for (const operation of ["get", "write"] as const) {
      const samples: Record<string, number[]> = { encrypted: [], plain: [] };
      for (const setup of setups) for (let i = 0; i < WARMUP; i++) await setup[operation]();
      // Call by call, alternating which mode goes first, so that a busy moment of the shared machine hits both.
      for (let i = 0; i < RUNS; i++) {
        for (const setup of i % 2 === 0 ? setups : [...setups].reverse()) {
          const started = performance.now();
          await setup[operation]();
          samples[setup.name]!.push(performance.now() - started);
        }
      }
      const floor = median(samples.plain!);
      const cost = median(samples.encrypted!);
      const label = operation === "get" ? `patients.get (1 patient note + ${APPOINTMENTS} appointment notes)` : "notes.saveDraft (2.5 kB autosave)";
      lines.push(`| ${label} | ${floor.toFixed(2)} / ${p95(samples.plain!).toFixed(2)} | ${cost.toFixed(2)} / ${p95(samples.encrypted!).toFixed(2)} | ${(cost / floor).toFixed(2)} |`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await close();
    await database.stop();
  }
}

await main();
