// Erasure (ADR 0038): a patient is anonymised, not deleted. The row stays (renamed, every contact
// detail and free text gone) so that their appointments still count in the clinic's statistics;
// what they wrote or what was written about them (notes, intake answers, message addresses,
// manage links, the values in the audit log) goes. One transaction: all of it or none of it.
import type { Transaction } from "@frontdesk/db";
import { appointments, bookingTokens, clinicalNotes, clinics, intakeAnswers, messages, patients } from "@frontdesk/db/schema";
import { clinicDateFormat, isOpen, localDateOf } from "@frontdesk/domain";
import { and, eq, inArray, isNotNull, lt, max, sql } from "drizzle-orm";
import { recordAudit, type ActorKind } from "../audit";
import { ConflictError, NotFoundError } from "../errors";

/** What an anonymised patient is called everywhere the clinic still shows their appointments. */
export const ERASED_NAME = "Erased patient";
export const ERASED_VALUE = "(erased)";

/** The day the legal retention period of a record last touched at `lastVisit` ends. */
export function retentionEnds(lastVisit: Date, years: number): Date {
  const end = new Date(lastVisit);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

export interface Erasure {
  clinicId: string;
  patientId: string;
  now: Date;
  actor: { userId: string | null; kind: ActorKind; apiKeyId?: string | null };
  requestId: string;
  /** Why: "request" (the patient asked) or "retention" (the clinic's inactivity rule). */
  reason: "request" | "retention";
}

/**
 * Anonymises one patient, or refuses with the reason: unknown, already erased, an appointment
 * still ahead, or inside the clinic's legal retention period.
 */
export async function erasePatient(tx: Transaction, erasure: Erasure): Promise<{ appointmentsKept: number }> {
  const { clinicId, patientId, now } = erasure;
  const [patient] = await tx
    .select({ id: patients.id, erasedAt: patients.erasedAt })
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), eq(patients.id, patientId)))
    .for("update");
  if (!patient) throw new NotFoundError("Patient");
  if (patient.erasedAt) throw new ConflictError("This patient was erased already", { reason: "ALREADY_DONE" });
  const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, clinicId));
  const visits = await tx
    .select({ id: appointments.id, status: appointments.status, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.patientId, patientId)));
  if (visits.some((v) => isOpen(v.status) && v.startsAt > now)) {
    throw new ConflictError("This patient has an appointment ahead: cancel it before erasing the record", { reason: "RULE_BROKEN" });
  }
  const lastVisit = visits.reduce<Date | null>((last, v) => (v.startsAt <= now && (!last || v.startsAt > last) ? v.startsAt : last), null);
  if (lastVisit && clinic!.retentionYears) {
    const ends = retentionEnds(lastVisit, clinic!.retentionYears);
    if (ends > now) {
      throw new ConflictError(
        `${clinic!.name} must keep this record until ${clinicDateFormat(clinic!).date(localDateOf(ends, clinic!.timezone))} (legal retention of ${clinic!.retentionYears} years after the last appointment)`,
        { reason: "RETENTION_PERIOD" },
      );
    }
  }

  // Signed notes are final (ADR 0026) except to an erasure after the retention period; the
  // audit-log redaction checks this marker too.
  await tx.execute(sql`select set_config('app.erasing', 'on', true)`);
  const visitIds = visits.map((v) => v.id);
  await tx
    .update(patients)
    .set({ fullName: ERASED_NAME, email: null, phone: null, dateOfBirth: null, notes: null, userId: null, erasedAt: now, archivedAt: sql`coalesce(${patients.archivedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
    .where(and(eq(patients.clinicId, clinicId), eq(patients.id, patientId)));
  // Amendments first: they reference the notes they correct.
  await tx.delete(clinicalNotes).where(and(eq(clinicalNotes.clinicId, clinicId), eq(clinicalNotes.patientId, patientId), isNotNull(clinicalNotes.amendsNoteId)));
  await tx.delete(clinicalNotes).where(and(eq(clinicalNotes.clinicId, clinicId), eq(clinicalNotes.patientId, patientId)));
  // Messages stay on record as sent (kind, channel, times), without whom they went to.
  await tx
    .update(messages)
    .set({ recipient: ERASED_VALUE, status: sql`case when ${messages.status} in ('queued', 'retrying') then 'skipped'::message_status else ${messages.status} end`, updatedAt: now })
    .where(and(eq(messages.clinicId, clinicId), eq(messages.patientId, patientId)));
  if (visitIds.length > 0) {
    await tx.delete(intakeAnswers).where(and(eq(intakeAnswers.clinicId, clinicId), inArray(intakeAnswers.appointmentId, visitIds)));
    await tx.delete(bookingTokens).where(and(eq(bookingTokens.clinicId, clinicId), inArray(bookingTokens.appointmentId, visitIds)));
    await tx
      .update(appointments)
      .set({ notes: null, cancelReason: null })
      .where(and(eq(appointments.clinicId, clinicId), inArray(appointments.id, visitIds)));
  }
  await tx.execute(sql`select redact_patient_audit(${patientId}::uuid)`);
  await recordAudit(tx, {
    clinicId,
    actorUserId: erasure.actor.userId,
    actorKind: erasure.actor.kind,
    actorApiKeyId: erasure.actor.apiKeyId ?? null,
    action: "erase",
    entity: "patient",
    entityId: patientId,
    changes: { reason: [null, erasure.reason], appointmentsKept: [null, visitIds.length] },
    requestId: erasure.requestId,
  });
  return { appointmentsKept: visitIds.length };
}

/** The clinic's patients with no appointment (and no record change) for `years`, not yet erased. */
export async function inactivePatients(tx: Transaction, clinicId: string, now: Date, years: number, limit: number): Promise<string[]> {
  const cutoff = retentionEnds(now, -years);
  const rows = await tx
    .select({ id: patients.id, lastVisit: max(appointments.startsAt) })
    .from(patients)
    .leftJoin(appointments, and(eq(appointments.clinicId, patients.clinicId), eq(appointments.patientId, patients.id)))
    .where(and(eq(patients.clinicId, clinicId), sql`${patients.erasedAt} is null`, lt(patients.updatedAt, cutoff)))
    .groupBy(patients.id)
    .having(sql`coalesce(max(${appointments.startsAt}), '-infinity'::timestamptz) < ${cutoff.toISOString()}::timestamptz`)
    .limit(limit);
  return rows.map((r) => r.id);
}
