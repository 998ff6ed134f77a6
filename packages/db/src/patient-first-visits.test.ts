// Each patient's first visit (migration 0043, ADR 0064), kept by triggers on appointments: every
// kind of write keeps it equal to what the appointments say, in the public booking scope too, for
// concurrent writers, and never for another clinic.
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { postgresErrorCode } from "./errors";
import { migrationsFolder } from "./migrate";
import { appointments, patientFirstVisits, patients } from "./schema";
import { withTenant, type TenantScope } from "./scope";
import { createDb, type Transaction } from "./client";
import { connectAsApp, connectAsOwner, createFreshDatabase, createTestClinic, type TestClinic } from "./testing";

const { db, close } = connectAsApp({ max: 4 });
const owner = connectAsOwner();
let a: TestClinic;
let b: TestClinic;

beforeAll(async () => {
  a = await createTestClinic(db);
  b = await createTestClinic(db);
});
afterAll(async () => {
  await close();
  await owner.close();
});

const staffOf = (clinic: TestClinic): TenantScope => ({ clinicId: clinic.clinicId, userId: clinic.ownerUserId, role: "owner" });
const inA = <T>(work: (tx: Transaction) => Promise<T>) => withTenant(db, staffOf(a), work);

/** The rows as the triggers keep them, by patient. */
async function kept(clinic: TestClinic) {
  const rows = await withTenant(db, staffOf(clinic), (tx) =>
    tx.select({ patientId: patientFirstVisits.patientId, appointmentId: patientFirstVisits.appointmentId, startsAt: patientFirstVisits.startsAt }).from(patientFirstVisits),
  );
  return Object.fromEntries(rows.map((r) => [r.patientId, { appointmentId: r.appointmentId, startsAt: r.startsAt.toISOString() }]));
}

/** The same, worked out here from the appointments: the first one not cancelled, earliest start then lowest id. */
async function fromAppointments(clinic: TestClinic) {
  const rows = await withTenant(db, staffOf(clinic), (tx) => tx.select({ id: appointments.id, patientId: appointments.patientId, startsAt: appointments.startsAt, status: appointments.status }).from(appointments));
  const firsts: Record<string, { appointmentId: string; startsAt: string }> = {};
  const ordered = rows.filter((r) => r.status !== "cancelled").sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime() || (x.id < y.id ? -1 : 1));
  for (const r of ordered) firsts[r.patientId] ??= { appointmentId: r.id, startsAt: r.startsAt.toISOString() };
  return firsts;
}

const hour = (h: number, day = 14) => new Date(Date.UTC(2031, 0, day, h));
/** An appointment of `clinic`'s practitioner at `start` (half an hour, no buffers). */
const slot = (clinic: TestClinic, patientId: string, start: Date, status: "booked" | "cancelled" | "no_show" = "booked") => ({
  clinicId: clinic.clinicId,
  practitionerId: clinic.practitionerId,
  serviceId: clinic.serviceId,
  patientId,
  startsAt: start,
  endsAt: new Date(start.getTime() + 30 * 60_000),
  blockedFrom: start,
  blockedTo: new Date(start.getTime() + 30 * 60_000),
  status,
  source: "staff" as const,
});

async function newPatient(clinic: TestClinic, name: string) {
  const [row] = await withTenant(db, staffOf(clinic), (tx) => tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: name }).returning({ id: patients.id }));
  return row!.id;
}
async function book(clinic: TestClinic, patientId: string, start: Date, status?: "booked" | "cancelled" | "no_show") {
  const [row] = await withTenant(db, staffOf(clinic), (tx) => tx.insert(appointments).values(slot(clinic, patientId, start, status)).returning({ id: appointments.id }));
  return row!.id;
}
const setStatus = (id: string, status: "booked" | "cancelled" | "no_show" | "completed") =>
  inA((tx) => tx.update(appointments).set({ status }).where(and(eq(appointments.clinicId, a.clinicId), eq(appointments.id, id))));

describe("a patient's first visit", () => {
  it("is the fixture's booking for its patient, and what the appointments say for every patient", async () => {
    expect((await kept(a))[a.patientId]).toEqual({ appointmentId: a.appointmentId, startsAt: "2030-01-07T09:00:00.000Z" });
    expect(await kept(a)).toEqual(await fromAppointments(a));
  });

  it("follows bookings, cancellations, undos, no-shows, moves and deletions", async () => {
    const patient = await newPatient(a, "Follows Writes");
    const visit = async () => (await kept(a))[patient];
    expect(await visit()).toBeUndefined();

    const later = await book(a, patient, hour(15));
    expect(await visit()).toEqual({ appointmentId: later, startsAt: hour(15).toISOString() });
    // A cancelled booking before it is no visit.
    await book(a, patient, hour(9), "cancelled");
    expect((await visit())?.appointmentId).toBe(later);
    const earlier = await book(a, patient, hour(11));
    expect((await visit())?.appointmentId).toBe(earlier);
    // Confirming or completing it changes nothing; a no-show is still a visit.
    await setStatus(earlier, "completed");
    await setStatus(earlier, "no_show");
    expect((await visit())?.appointmentId).toBe(earlier);
    // Cancelled: the next one; undone: back.
    await setStatus(earlier, "cancelled");
    expect((await visit())?.appointmentId).toBe(later);
    await setStatus(earlier, "booked");
    expect((await visit())?.appointmentId).toBe(earlier);
    // Moved after the other one: the other one is first, at its own time.
    await inA((tx) => tx.update(appointments).set({ startsAt: hour(16), endsAt: hour(17), blockedFrom: hour(16), blockedTo: hour(17) }).where(eq(appointments.id, earlier)));
    expect(await visit()).toEqual({ appointmentId: later, startsAt: hour(15).toISOString() });
    // Deleted: the moved one; every visit gone: no row.
    await inA((tx) => tx.delete(appointments).where(eq(appointments.id, later)));
    expect(await visit()).toEqual({ appointmentId: earlier, startsAt: hour(16).toISOString() });
    await inA((tx) => tx.delete(appointments).where(and(eq(appointments.clinicId, a.clinicId), eq(appointments.patientId, patient))));
    expect(await visit()).toBeUndefined();
    expect(await kept(a)).toEqual(await fromAppointments(a));
  });

  it("takes the lower id of two visits at the same time, and follows a bulk insert of several patients", async () => {
    const [x, y] = [await newPatient(a, "Tie X"), await newPatient(a, "Tie Y")];
    const rows = await inA((tx) =>
      tx
        .insert(appointments)
        // The same start twice (one a no-show, which frees the practitioner's time).
        .values([slot(a, x, hour(10, 20)), slot(a, x, hour(10, 20), "no_show"), slot(a, y, hour(12, 20))])
        .returning({ id: appointments.id, patientId: appointments.patientId }),
    );
    const xs = rows.filter((r) => r.patientId === x).map((r) => r.id).sort();
    expect((await kept(a))[x]?.appointmentId).toBe(xs[0]);
    expect((await kept(a))[y]?.appointmentId).toBe(rows.find((r) => r.patientId === y)!.id);
    expect(await kept(a)).toEqual(await fromAppointments(a));
  });

  it("moves with the appointments when a patient's are given to another (a merge)", async () => {
    const [from, to] = [await newPatient(a, "Merged Away"), await newPatient(a, "Kept Record")];
    const early = await book(a, from, hour(9, 21));
    await book(a, from, hour(14, 21));
    const own = await book(a, to, hour(11, 21));
    // As patients.merge moves them (one statement), then back as unmerge does.
    await inA((tx) => tx.update(appointments).set({ patientId: to }).where(and(eq(appointments.clinicId, a.clinicId), eq(appointments.patientId, from))));
    expect([(await kept(a))[from], (await kept(a))[to]?.appointmentId]).toEqual([undefined, early]);
    await inA((tx) => tx.update(appointments).set({ patientId: from }).where(and(eq(appointments.clinicId, a.clinicId), eq(appointments.id, early))));
    expect([(await kept(a))[from]?.appointmentId, (await kept(a))[to]?.appointmentId]).toEqual([early, own]);
    expect(await kept(a)).toEqual(await fromAppointments(a));
  });

  it("is set by a booking in the public scope, which still reads none of it", async () => {
    const publicScope: TenantScope = { clinicId: a.clinicId, userId: null, role: "public" };
    const patientId = crypto.randomUUID();
    const [booked] = await withTenant(db, publicScope, async (tx) => {
      await tx.insert(patients).values({ id: patientId, clinicId: a.clinicId, fullName: "Online Newcomer", email: "online@example.test" });
      return tx.insert(appointments).values({ ...slot(a, patientId, hour(9, 22)), source: "online" }).returning({ id: appointments.id });
    });
    expect((await kept(a))[patientId]?.appointmentId).toBe(booked!.id);
    expect(await withTenant(db, publicScope, (tx) => tx.select().from(patientFirstVisits))).toEqual([]);
  });

  it("is written by the database only: the app role may not insert, change or remove a row", async () => {
    const attempts = [
      sql`insert into patient_first_visits (clinic_id, patient_id, appointment_id, starts_at) values (${a.clinicId}, ${a.patientId}, ${a.appointmentId}, now())`,
      sql`update patient_first_visits set starts_at = now()`,
      sql`delete from patient_first_visits`,
      sql`select patient_first_visits_refresh(${a.clinicId}::uuid, array[${a.patientId}::uuid])`,
    ];
    for (const attempt of attempts) {
      expect(await inA((tx) => tx.execute(attempt)).then(() => "done", (error: unknown) => postgresErrorCode(error))).toBe("42501");
    }
  });

  it("leaves another clinic's rows as they were, whatever this clinic writes", async () => {
    const before = await kept(b);
    const patient = await newPatient(a, "Busy In A");
    const id = await book(a, patient, hour(9, 23));
    await setStatus(id, "cancelled");
    await inA((tx) => tx.delete(appointments).where(eq(appointments.id, id)));
    expect(await kept(b)).toEqual(before);
    expect(before[b.patientId]?.appointmentId).toBe(b.appointmentId);
    // Nor does this clinic see the other's.
    expect(Object.keys(await kept(a))).not.toContain(b.patientId);
  });

  it("is right for two writers of one patient at once: the second waits for the first and reads what it did", async () => {
    const patient = await newPatient(a, "Two Writers");
    const first = await book(a, patient, hour(9, 24));
    // One cancels the first visit and has not committed when the other books a later one.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let cancelled!: () => void;
    const cancelDone = new Promise<void>((resolve) => (cancelled = resolve));
    const cancelling = inA(async (tx) => {
      await tx.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, first));
      cancelled();
      await held;
    });
    await cancelDone;
    const booking = book(a, patient, hour(15, 24));
    // The booking's trigger waits for the patient's row, which the cancellation holds. Without
    // that wait it would read the first visit as still kept and put it back.
    let waited = false;
    for (let tries = 0; tries < 100 && !waited; tries++) {
      // As the app role, which sees its own sessions' queries.
      const [row] = await db.execute<{ waiting: number }>(sql`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into "appointments"%'`);
      waited = (row?.waiting ?? 0) > 0;
      if (!waited) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await cancelling;
    const later = await booking;
    expect(waited).toBe(true);
    expect((await kept(a))[patient]?.appointmentId).toBe(later);
    expect(await kept(a)).toEqual(await fromAppointments(a));
  });

  it("is kept for writers that bypass row-level security too, clinic by clinic (a superuser's script)", async () => {
    const urls = inject("database");
    const su = postgres(urls.superUrl, { database: new URL(urls.appUrl).pathname.slice(1), max: 1, onnotice: () => undefined });
    try {
      const [pa, pb] = [await newPatient(a, "Script A"), await newPatient(b, "Script B")];
      const rows = [slot(a, pa, hour(9, 25)), slot(b, pb, hour(10, 25))];
      await su`insert into appointments ${su(rows.map((r) => ({ clinic_id: r.clinicId, practitioner_id: r.practitionerId, service_id: r.serviceId, patient_id: r.patientId, starts_at: r.startsAt, ends_at: r.endsAt, blocked_from: r.blockedFrom, blocked_to: r.blockedTo, status: r.status, source: r.source })))}`;
      expect([(await kept(a))[pa]?.startsAt, (await kept(b))[pb]?.startsAt]).toEqual([hour(9, 25).toISOString(), hour(10, 25).toISOString()]);
      // Its scope is given back as it was: none.
      expect((await su`select nullif(current_setting('app.clinic_id', true), '') as scope`)[0]?.scope).toBeNull();
      await su`delete from appointments where patient_id in (${pa}, ${pb})`;
      expect([(await kept(a))[pa], (await kept(b))[pb]]).toEqual([undefined, undefined]);
      expect(await kept(a)).toEqual(await fromAppointments(a));
      expect(await kept(b)).toEqual(await fromAppointments(b));
    } finally {
      await su.end();
    }
  });

  it("is filled for existing appointments by the migration, with the rows the triggers keep", async () => {
    // The migration's last statement, run again over emptied rows of a database of its own (it
    // goes through every clinic), in a transaction rolled back.
    const backfill = readFileSync(path.join(migrationsFolder, "0043_patient_first_visits.sql"), "utf8").split("--> statement-breakpoint").at(-1)!;
    expect(backfill.trim()).toMatch(/^-- Every clinic's patients[\s\S]*END \$\$;$/);
    const urls = await createFreshDatabase("first_visits_backfill");
    const app = createDb(urls.appUrl, { max: 1 });
    const own = postgres(urls.adminUrl, { max: 1, onnotice: () => undefined });
    class RolledBack extends Error {}
    /** Every clinic's rows (row-level security lifted for the owner), after `first`; nothing stays. */
    const everyRow = async (first?: (tx: postgres.TransactionSql) => Promise<unknown>) => {
      let rows: unknown[] = [];
      await own
        .begin(async (tx) => {
          await first?.(tx);
          await tx`alter table patient_first_visits no force row level security`;
          rows = [...(await tx`select clinic_id, patient_id, appointment_id, starts_at from patient_first_visits order by 1, 2`)];
          throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      return rows;
    };
    try {
      const clinics = [await createTestClinic(app.db), await createTestClinic(app.db)];
      const kept = await everyRow();
      expect(kept.map((r) => (r as { clinic_id: string }).clinic_id).sort()).toEqual(clinics.map((c) => c.clinicId).sort());
      const refilled = await everyRow(async (tx) => {
        await tx`alter table patient_first_visits no force row level security`;
        await tx`delete from patient_first_visits`;
        await tx`alter table patient_first_visits force row level security`;
        await tx.unsafe(backfill);
      });
      expect(refilled).toEqual(kept);
    } finally {
      await app.close();
      await own.end();
    }
  });
});
