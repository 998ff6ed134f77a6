// patients.merge and patients.unmerge (ADR 0036): an admin folds a duplicate record into the one
// kept. The duplicate's appointments, messages, waitlist entries and clinical notes move over, its
// opt-outs are copied, its notes are appended to the kept record's (re-encrypted: a patient's
// notes are bound to its id), and it is archived with `merged_into_id`. The audit entry lists
// every row that moved, so unmerge can move exactly those back. The audit log itself is
// append-only: the duplicate's past entries stay under its id, and the merge entry links the two.
import type { Transaction } from "@frontdesk/db";
import { appointments, auditLog, clinicalNotes, messages, notificationOptOuts, patients, waitlistEntries } from "@frontdesk/db/schema";
import { mergePatientsInput, patientMergeView, unmergePatientInput } from "@frontdesk/domain";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordStaffAudit } from "../../audit";
import { ENCRYPTED } from "../../encryption/fields";
import { ConflictError, NotFoundError, RuleError } from "../../errors";
import { procedure, type StaffScope } from "../../trpc";
import { loadPatient } from "./patient-record";

/** What a merge moved, as its audit entry keeps it. */
const movedRows = z.object({
  appointments: z.array(z.uuid()),
  messages: z.array(z.uuid()),
  waitlistEntries: z.array(z.uuid()),
  clinicalNotes: z.array(z.uuid()),
  optOutsCopied: z.array(z.enum(["email", "sms", "whatsapp"])),
  targetNotesBefore: z.boolean(),
});
type MovedRows = z.infer<typeof movedRows>;

const MERGE_NOTE_HEADING = (name: string) => `--- Merged from the record of ${name} ---`;

type MovedIds = Record<"appointments" | "messages" | "waitlistEntries" | "clinicalNotes", string[]>;

/** Moves a patient's rows (all of them, or only those of `only`) to another patient; answers the ids moved. */
async function movePatientRows(tx: Transaction, clinicId: string, from: string, to: string, only?: MovedIds): Promise<MovedIds> {
  const tables = [
    ["appointments", appointments],
    ["messages", messages],
    ["waitlistEntries", waitlistEntries],
    ["clinicalNotes", clinicalNotes],
  ] as const;
  // Signed clinical notes accept this one change inside a merge (migration trigger, ADR 0036).
  await tx.execute(sql`select set_config('app.merging_patients', 'on', true)`);
  const moved: MovedIds = { appointments: [], messages: [], waitlistEntries: [], clinicalNotes: [] };
  for (const [name, table] of tables) {
    const ids = only?.[name];
    if (ids && ids.length === 0) continue;
    const rows = await tx
      .update(table)
      .set({ patientId: to })
      .where(and(eq(table.clinicId, clinicId), eq(table.patientId, from), ...(ids ? [inArray(table.id, ids)] : [])))
      .returning({ id: table.id });
    moved[name] = rows.map((r) => r.id);
  }
  await tx.execute(sql`select set_config('app.merging_patients', '', true)`);
  return moved;
}

async function lockedPair(staff: StaffScope, sourceId: string, targetId: string) {
  if (sourceId === targetId) throw new RuleError("Choose two different patients to merge", "SAME_PATIENT");
  // Both locked, in id order, so that two merges of the same pair cannot interleave.
  const [first, second] = [sourceId, targetId].sort();
  const a = await loadPatient(staff, first!, { lock: true });
  const b = await loadPatient(staff, second!, { lock: true });
  return a.id === sourceId ? { source: a, target: b } : { source: b, target: a };
}

const merge = procedure("patients.merge")
  .meta({ openapi: { method: "POST", path: "/patients/{sourceId}/merge", tags: ["Patients"], protect: true, summary: "Merge a duplicate record into another (audited; undone by unmerge)" } })
  .output(patientMergeView)
  .input(mergePatientsInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const now = ctx.deps.clock.now();
    const { source, target } = await lockedPair(staff, input.sourceId, input.targetId);
    if (source.mergedIntoId || source.archivedAt) throw new ConflictError(`${source.fullName}'s record is archived or already merged`, { reason: "ALREADY_DONE" });
    if (target.mergedIntoId || target.archivedAt) throw new RuleError(`${target.fullName}'s record is archived: merge into an active record`);

    const moved = await movePatientRows(staff.tx, staff.clinicId, source.id, target.id);
    const optOuts = await staff.tx
      .insert(notificationOptOuts)
      .select(
        staff.tx
          .select({ clinicId: notificationOptOuts.clinicId, patientId: sql<string>`${target.id}::uuid`.as("patient_id"), channel: notificationOptOuts.channel, createdAt: sql<Date>`now()`.as("created_at") })
          .from(notificationOptOuts)
          .where(and(eq(notificationOptOuts.clinicId, staff.clinicId), eq(notificationOptOuts.patientId, source.id))),
      )
      .onConflictDoNothing()
      .returning({ channel: notificationOptOuts.channel });
    // The duplicate's own notes stay sealed on its record; the kept record gets them appended.
    const notes = source.notes ? [target.notes, `${MERGE_NOTE_HEADING(source.fullName)}\n${source.notes}`].filter(Boolean).join("\n\n") : target.notes;
    await staff.tx
      .update(patients)
      .set({
        email: target.email ?? source.email,
        phone: target.phone ?? source.phone,
        dateOfBirth: target.dateOfBirth ?? source.dateOfBirth,
        notes: await staff.cipher.seal(ENCRYPTED.patientNotes, target.id, notes),
        updatedAt: now,
      })
      .where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, target.id)));
    await staff.tx.update(patients).set({ archivedAt: now, mergedIntoId: target.id, updatedAt: now }).where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, source.id)));

    const record: MovedRows = { ...moved, optOutsCopied: optOuts.map((o) => o.channel), targetNotesBefore: target.notes !== null };
    const filled = { email: target.email === null && source.email !== null, phone: target.phone === null && source.phone !== null, dateOfBirth: target.dateOfBirth === null && source.dateOfBirth !== null };
    await recordStaffAudit(ctx, { action: "merge", entity: "patient", entityId: source.id, changes: { mergedInto: [null, target.id], moved: [null, record], filledOnTarget: [null, filled] } });
    await recordStaffAudit(ctx, { action: "merge_in", entity: "patient", entityId: target.id, changes: { mergedFrom: [null, source.id] } });
    return { targetId: target.id, sourceId: source.id, moved: counts(moved) };
  });

const counts = (moved: MovedIds) => ({
  appointments: moved.appointments.length,
  messages: moved.messages.length,
  waitlistEntries: moved.waitlistEntries.length,
  clinicalNotes: moved.clinicalNotes.length,
});

const unmerge = procedure("patients.unmerge")
  .meta({ openapi: { method: "POST", path: "/patients/{sourceId}/unmerge", tags: ["Patients"], protect: true, summary: "Split a merged record back out, exactly as the merge moved it" } })
  .output(patientMergeView)
  .input(unmergePatientInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const now = ctx.deps.clock.now();
    const source = await loadPatient(staff, input.sourceId, { lock: true });
    if (!source.mergedIntoId) throw new ConflictError(`${source.fullName}'s record is not merged into another`, { reason: "ALREADY_DONE" });
    const targetId = source.mergedIntoId;
    const [entry] = await staff.tx
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.clinicId, staff.clinicId), eq(auditLog.entity, "patient"), eq(auditLog.entityId, source.id), eq(auditLog.action, "merge")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    const parsed = movedRows.safeParse((entry?.changes as Record<string, [unknown, unknown]> | null)?.moved?.[1]);
    if (!parsed.success) throw new NotFoundError("Merge record");
    const record = parsed.data;
    // Only what the merge moved goes back; rows added to the kept record since stay with it.
    const back = await movePatientRows(staff.tx, staff.clinicId, targetId, source.id, record);
    if (record.optOutsCopied.length > 0) {
      await staff.tx
        .delete(notificationOptOuts)
        .where(and(eq(notificationOptOuts.clinicId, staff.clinicId), eq(notificationOptOuts.patientId, targetId), inArray(notificationOptOuts.channel, record.optOutsCopied)));
    }
    await staff.tx.update(patients).set({ archivedAt: null, mergedIntoId: null, updatedAt: now }).where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, source.id)));
    await recordStaffAudit(ctx, { action: "unmerge", entity: "patient", entityId: source.id, changes: { mergedInto: [targetId, null] } });
    return { targetId, sourceId: source.id, moved: counts(back) };
  });

export const mergeProcedures = { merge, unmerge };
