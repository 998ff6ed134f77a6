// Erasure and the retention job (ADR 0038) against the real database: an erased patient leaves no
// name, e-mail, phone or note in any of the clinic's tables (found from the catalog, not a list),
// their appointments still count, and the clinic's legal retention period is respected.
import { withTenant } from "@frontdesk/db";
import { appointments, clinicalNotes, intakeAnswers, messages, patients } from "@frontdesk/db/schema";
import { connectAsApp, connectAsOwner } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { WorkerDeps } from "../jobs/task";
import { sealedAnswers } from "../intake/forms";
import { createStaffWorld } from "../testing/staff-world";
import { anonymiseInactive, sweepClinics } from "./retention-task";

const { db, close } = connectAsApp();
const owner = connectAsOwner();
afterAll(async () => {
  await close();
  await owner.close();
});

const NAME = "Zélie Quarrington";
const PHONE = "+33 6 98 76 54 32";
const NOTE = "Allergic to walnuts";
const VISIT_NOTE = "Bring the ankle scan";
const CLINICAL = "Sprained left ankle";
const CANCEL_REASON = "Zélie has the flu";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, reason: (error.cause as { reason?: string } | undefined)?.reason, message: error.message };
}

/** A patient with something in every place a patient's data goes: record, visits, notes, answers, messages, audit. */
async function world() {
  const w = await createStaffWorld(db);
  const email = `zelie-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const desk = await w.as("receptionist");
  const admin = await w.as("admin");
  const practitioner = await w.as("practitioner");
  const { clinic } = w.staffed;
  const created = await desk.patients.create({ fullName: NAME, email: "old-address@example.test", notes: NOTE });
  // The audit log records a changed e-mail and phone as [old, new].
  await desk.patients.update({ patientId: created.id, email, phone: PHONE });
  const visit = (start: string, notes?: string) =>
    desk.appointments.create({ practitionerId: clinic.practitionerId, serviceId: clinic.serviceId, patientId: created.id, start, ...(notes ? { notes } : {}) });
  const first = await visit("2026-11-23T09:00:00.000Z", VISIT_NOTE);
  const second = await visit("2026-11-30T09:00:00.000Z");
  await desk.appointments.cancel({ id: second.id, version: second.version, reason: CANCEL_REASON });
  const draft = await practitioner.notes.saveDraft({ patientId: created.id, appointmentId: first.id, content: { body: CLINICAL } });
  const signed = await practitioner.notes.sign({ noteId: draft.id, expectedVersion: draft.version });
  await practitioner.notes.saveDraft({ patientId: created.id, amendsNoteId: signed.id, content: { body: `${CLINICAL}, confirmed` } });
  await w.inClinic(async (tx) => {
    const answers = { clinicId: w.clinicId, appointmentId: first.id, formVersionId: clinic.intakeFormVersionId, answers: { allergies: NOTE }, via: "booking" as const, at: new Date() };
    await tx.insert(intakeAnswers).values(await sealedAnswers(w.deps.vault.forClinic(tx, w.clinicId), answers));
    await tx.insert(messages).values([
      { clinicId: w.clinicId, appointmentId: first.id, patientId: created.id, kind: "confirmation", channel: "email", recipient: email, idempotencyKey: `t:${first.id}:e`, status: "sent", sendAt: new Date() },
      { clinicId: w.clinicId, appointmentId: first.id, patientId: created.id, kind: "reminder", channel: "sms", recipient: PHONE, idempotencyKey: `t:${first.id}:s`, status: "queued", sendAt: new Date() },
    ]);
  });
  const totals = () => w.inClinic(async (tx) => (await tx.select({ n: count() }).from(appointments).where(eq(appointments.clinicId, w.clinicId)))[0]!.n);
  return { ...w, desk, admin, practitioner, patientId: created.id, email, visits: [first.id, second.id], totals };
}

/**
 * Every text, varchar, json(b) and array column of every table with a clinic_id, from the catalog:
 * where `needle` occurs in this clinic's rows, as "table.column".
 */
async function whereFound(clinicId: string, needles: string[]): Promise<string[]> {
  const columns = await owner.db.execute<{ table: string; column: string }>(sql`
    select c.table_name as table, c.column_name as column
      from information_schema.columns c
     where c.table_schema = 'public'
       and c.udt_name in ('text', 'varchar', 'bpchar', 'citext', 'json', 'jsonb', '_text', '_varchar')
       and exists (select 1 from information_schema.columns k where k.table_schema = 'public' and k.table_name = c.table_name and k.column_name = 'clinic_id')
     order by 1, 2`);
  expect(columns.length).toBeGreaterThan(40);
  const found: string[] = [];
  await withTenant(owner.db, { clinicId, userId: null, role: "owner" }, async (tx) => {
    const patterns = sql.join(
      needles.map((needle) => sql`${`%${needle}%`}`),
      sql`, `,
    );
    for (const { table, column } of columns) {
      const hits = await tx.execute<{ needle: string }>(
        sql`select distinct n.needle from ${sql.identifier(table)} t, unnest(array[${patterns}]::text[]) as n(needle)
             where t.clinic_id = ${clinicId}::uuid and t.${sql.identifier(column)}::text ilike n.needle`,
      );
      for (const { needle } of hits) found.push(`${table}.${column}: ${needle.slice(1, -1)}`);
    }
  });
  return found;
}

describe("erasing a patient", () => {
  it("leaves no name, e-mail, phone or note in any of the clinic's tables, and keeps their appointments in the totals", async () => {
    const w = await world();
    const needles = [NAME, "Quarrington", w.email, "old-address@example.test", PHONE, "98 76 54 32", NOTE, VISIT_NOTE, CANCEL_REASON];
    // The test can fail: before erasure the scan finds the patient in several places.
    const before = await whereFound(w.clinicId, needles);
    expect(before).toEqual(expect.arrayContaining([`patients.full_name: ${NAME}`, `audit_log.changes: ${w.email}`, `messages.recipient: ${PHONE}`, `appointments.cancel_reason: ${CANCEL_REASON}`]));
    const totals = await w.totals();
    w.clock.set(new Date("2026-12-01T09:00:00Z"));
    const erased = await w.audited(() => w.admin.patients.erase({ patientId: w.patientId }));
    expect(erased.result).toEqual({ patientId: w.patientId, appointmentsKept: 2 });
    expect(erased.rows.map((r) => [r.action, r.entity, r.entityId, r.changes])).toEqual([["erase", "patient", w.patientId, { reason: [null, "request"], appointmentsKept: [null, 2] }]]);
    expect(await whereFound(w.clinicId, needles)).toEqual([]);
    // Notes and intake answers are ciphertext: gone, not merely unreadable.
    const left = await w.inClinic(async (tx) => ({
      notes: (await tx.select().from(clinicalNotes).where(eq(clinicalNotes.patientId, w.patientId))).length,
      answers: (await tx.select().from(intakeAnswers).where(eq(intakeAnswers.appointmentId, w.visits[0]!))).length,
      patient: (await tx.select().from(patients).where(eq(patients.id, w.patientId)))[0]!,
      visits: await tx.select({ status: appointments.status, patientId: appointments.patientId }).from(appointments).where(eq(appointments.patientId, w.patientId)),
      queued: (await tx.select({ status: messages.status }).from(messages).where(eq(messages.patientId, w.patientId))).map((m) => m.status).sort(),
    }));
    expect(left).toMatchObject({ notes: 0, answers: 0, patient: { fullName: "Erased patient", email: null, phone: null, notes: null, dateOfBirth: null, erasedAt: new Date("2026-12-01T09:00:00Z") } });
    expect(left.visits.map((v) => v.status).sort()).toEqual(["booked", "cancelled"]);
    expect(left.queued).toEqual(["sent", "skipped"]);
    expect(await w.totals()).toBe(totals);
    expect(await failure(w.admin.patients.erase({ patientId: w.patientId }))).toMatchObject({ code: "CONFLICT", reason: "ALREADY_DONE" });
  });

  it("is refused, with the date, inside the clinic's legal retention period, and while a visit is ahead; nothing changes", async () => {
    const w = await world();
    const ownerCaller = await w.as("owner");
    await ownerCaller.retention.set({ retentionYears: 10, anonymiseInactiveAfterYears: null });
    w.clock.set(new Date("2026-12-01T09:00:00Z"));
    const refused = await failure(w.admin.patients.erase({ patientId: w.patientId }));
    expect(refused).toMatchObject({ code: "CONFLICT", reason: "RETENTION_PERIOD" });
    expect(refused.message).toMatch(/until .*2036.* 10 years/);
    await ownerCaller.retention.set({ retentionYears: null, anonymiseInactiveAfterYears: null });
    w.clock.set(new Date("2026-11-22T09:00:00Z"));
    expect(await failure(w.admin.patients.erase({ patientId: w.patientId }))).toMatchObject({ code: "CONFLICT", reason: "RULE_BROKEN" });
    const [patient] = await w.inClinic((tx) => tx.select().from(patients).where(eq(patients.id, w.patientId)));
    expect(patient).toMatchObject({ fullName: NAME, email: w.email, erasedAt: null });
  });

  it("is for owners and admins only, and refuses bad input and another clinic's patient", async () => {
    const w = await world();
    const other = await world();
    expect(await failure(w.desk.patients.erase({ patientId: w.patientId }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(w.practitioner.patients.erase({ patientId: w.patientId }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(w.admin.patients.erase({ patientId: "nope" }))).toMatchObject({ code: "BAD_REQUEST" });
    w.clock.set(new Date("2026-12-01T09:00:00Z"));
    expect(await failure(w.admin.patients.erase({ patientId: other.patientId }))).toMatchObject({ code: "NOT_FOUND" });
    const ownerCaller = await w.as("owner");
    expect(await failure(w.admin.retention.set({ retentionYears: 1, anonymiseInactiveAfterYears: null }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(ownerCaller.retention.set({ retentionYears: 10, anonymiseInactiveAfterYears: 5 }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(ownerCaller.retention.set({ retentionYears: -1, anonymiseInactiveAfterYears: null }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await w.admin.retention.get()).toEqual({ retentionYears: null, anonymiseInactiveAfterYears: null });
  });
});

describe("the retention job", () => {
  it("anonymises the patients of clinics that ask for it once they have been inactive for N years, and no one else", async () => {
    const w = await world();
    const workerDeps = (): WorkerDeps => ({ db, clock: w.clock, logger: w.deps.logger, publicUrl: w.deps.publicUrl, channels: {} });
    await (await w.as("owner")).retention.set({ retentionYears: 1, anonymiseInactiveAfterYears: 2 });
    // Not yet two years after the last visit (2026-11-30).
    w.clock.set(new Date("2028-11-01T00:00:00Z"));
    expect(await anonymiseInactive(workerDeps(), w.clinicId)).toEqual({ erased: 0, refused: 0 });
    w.clock.set(new Date("2029-01-01T00:00:00Z"));
    expect(await sweepClinics(workerDeps())).toBeGreaterThan(0);
    const run = await w.audited(() => anonymiseInactive(workerDeps(), w.clinicId));
    expect(run.result).toEqual({ erased: 1, refused: 0 });
    expect(run.rows.map((r) => [r.action, r.entityId, r.actorKind])).toEqual([["erase", w.patientId, "system"]]);
    const rows = await w.inClinic((tx) => tx.select({ id: patients.id, fullName: patients.fullName }).from(patients).where(eq(patients.clinicId, w.clinicId)));
    // The fixture's patient has an appointment in 2030: still active, kept.
    expect(rows.map((r) => [r.id === w.patientId, r.fullName]).sort()).toEqual([
      [false, "Pat Test"],
      [true, "Erased patient"],
    ]);
    // A second run finds nothing more to do.
    expect(await anonymiseInactive(workerDeps(), w.clinicId)).toEqual({ erased: 0, refused: 0 });
  });
});
