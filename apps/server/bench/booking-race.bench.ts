// `pnpm bench` (apps/server), the booking race of ADR 0019 at the SQL level: 20 transactions
// insert the same appointment while a first one holds its uncommitted insert for 600 ms and then
// rolls back. Measured with and without the advisory lock the booking takes first (per
// practitioner and start time), 5 rounds each: how each contender ends (deadlock 40P01, taken
// 23P01, booked) and the slowest. The API's own answers to this race are in faults.test.ts.
import { cpus } from "node:os";
import { createBookableClinic } from "@frontdesk/api/testing";
import { createDb, withTenant } from "@frontdesk/db";
import { patients } from "@frontdesk/db/schema";
import { startTestServer } from "@frontdesk/db/testing/server";
import postgres from "postgres";
import { integerOption } from "./options";

const CONTENDERS = 20;
const ROUNDS = integerOption("BENCH_ROUNDS", 5);
const HOLD_MS = 600;

async function main() {
  const database = await startTestServer();
  const { db, close } = createDb(database.urls.appUrl, { max: 2 });
  const sql = postgres(database.urls.appUrl, { max: CONTENDERS + 1, onnotice: () => undefined });
  try {
    const clinic = await createBookableClinic(db, { practitioners: 1 });
    const [patient] = await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Race Patient" }).returning({ id: patients.id }),
    );
    const practitionerId = clinic.practitionerIds[0]!;

    /** One booking's transaction: the tenant settings, the lock (or not), the insert. */
    const attempt = (start: Date, withLock: boolean, hold?: Promise<void>) =>
      sql.begin(async (t) => {
        await t`select set_config('app.clinic_id', ${clinic.clinicId}, true), set_config('app.user_id', '', true), set_config('app.role', 'owner', true), set_config('app.session_id', '', true)`;
        if (withLock) await t`select set_config('lock_timeout', '1000ms', true), pg_advisory_xact_lock(hashtextextended(${`${clinic.clinicId}:${practitionerId}:${start.toISOString()}`}, 0))`;
        const end = new Date(start.getTime() + 30 * 60_000);
        await t`insert into appointments (clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to, status, source)
                values (${clinic.clinicId}, ${practitionerId}, ${clinic.serviceId}, ${patient!.id}, ${start}, ${end}, ${start}, ${end}, 'booked', 'online')`;
        if (hold) {
          await hold;
          throw new Error("the first booker gives up");
        }
      });

    const results: Record<string, { rounds: Array<Record<string, number>>; slowest: number[] }> = {};
    for (const withLock of [false, true]) {
      const name = withLock ? "with the lock" : "without the lock";
      results[name] = { rounds: [], slowest: [] };
      for (let round = 0; round < ROUNDS; round++) {
        const start = new Date(Date.UTC(2027, 0, 4 + round + (withLock ? 10 : 0), 9));
        let release!: () => void;
        const hold = new Promise<void>((resolve) => (release = resolve));
        const first = attempt(start, false, hold).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const started = performance.now();
        const contenders = Array.from({ length: CONTENDERS }, () =>
          attempt(start, withLock).then(
            () => ({ code: "booked", ms: performance.now() - started }),
            (error: { code?: string }) => ({ code: error.code ?? "other", ms: performance.now() - started }),
          ),
        );
        setTimeout(release, HOLD_MS);
        const outcomes = await Promise.all(contenders);
        await first;
        const counts: Record<string, number> = {};
        for (const o of outcomes) counts[o.code] = (counts[o.code] ?? 0) + 1;
        results[name].rounds.push(counts);
        results[name].slowest.push(Math.round(Math.max(...outcomes.map((o) => o.ms))));
      }
    }
    process.stdout.write(`\nBooking race (${CONTENDERS} contenders, first booker holds ${HOLD_MS} ms then rolls back), ${ROUNDS} rounds, ${cpus().length} cores\n\n`);
    process.stdout.write("| | deadlocks (40P01) per round | taken (23P01) | booked | lock timeouts (55P03) | slowest contender (ms) |\n|---|---|---|---|---|---|\n");
    for (const [name, { rounds, slowest }] of Object.entries(results)) {
      const list = (code: string) => rounds.map((r) => r[code] ?? 0).join(", ");
      process.stdout.write(`| ${name} | ${list("40P01")} | ${list("23P01")} | ${list("booked")} | ${list("55P03")} | ${slowest.join(", ")} |\n`);
    }
  } finally {
    await sql.end({ timeout: 1 });
    await close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
