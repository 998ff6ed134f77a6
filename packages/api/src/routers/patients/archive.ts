import { appointments, patients } from "@frontdesk/db/schema";
import { PENDING_STATUSES, patientInput } from "@frontdesk/domain";
import { and, count, eq, gt, inArray } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ConflictError } from "../../errors";
import { procedure } from "../../trpc";
import { loadPatient, recordView } from "./patient-record";

/**
 * Soft delete: the record leaves search but keeps its history. Refused while the patient still
 * has upcoming appointments (cancel them first), so nobody turns up for a record nobody can find.
 */
export const archive = procedure("patients.archive")
  .input(patientInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const patient = await loadPatient(staff, input.patientId);
    if (patient.archivedAt) throw new ConflictError(`${patient.fullName} is already archived`, { reason: "ALREADY_DONE" });
    const [upcoming] = await staff.tx
      .select({ n: count() })
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicId, staff.clinicId),
          eq(appointments.patientId, patient.id),
          inArray(appointments.status, [...PENDING_STATUSES]),
          gt(appointments.endsAt, ctx.deps.clock.now()),
        ),
      );
    if (upcoming && upcoming.n > 0) {
      throw new ConflictError(`${patient.fullName} has ${upcoming.n} upcoming appointment(s): cancel them before archiving`, { reason: "IN_USE" });
    }
    const now = ctx.deps.clock.now();
    await staff.tx
      .update(patients)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patient.id)));
    await recordStaffAudit(ctx, {
      action: "archive",
      entity: "patient",
      entityId: patient.id,
      changes: { archivedAt: [null, now.toISOString()] },
    });
    return recordView({ ...patient, archivedAt: now });
  });
