import { updatePatientInput } from "@frontdesk/domain";
import { patients } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { changedFields } from "../../audit-diff";
import { ENCRYPTED } from "../../encryption/fields";
import { ConflictError } from "../../errors";
import { procedure } from "../../trpc";
import { loadPatient, recordView } from "./patient-record";
import { clinicPhoneCountry, storedPhone } from "./phone";

export const update = procedure("patients.update")
  .input(updatePatientInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const { patientId, expectedUpdatedAt, ...typed } = input;
    const patch = typed.phone === undefined ? typed : { ...typed, phone: storedPhone(typed.phone, await clinicPhoneCountry(staff.tx, staff.clinicId)) };
    // Locked until the transaction ends, so that two edits made from the same version cannot both pass the check.
    const before = await loadPatient(staff, patientId, { lock: true });
    if (expectedUpdatedAt !== undefined && before.updatedAt.getTime() !== Date.parse(expectedUpdatedAt)) {
      throw new ConflictError(`Someone else changed ${before.fullName}'s record while you were editing it`, { reason: "STALE_VERSION", details: { current: recordView(before) } });
    }
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length > 0) {
      await staff.tx
        .update(patients)
        .set({
          ...patch,
          ...(patch.notes !== undefined ? { notes: await staff.cipher.seal(ENCRYPTED.patientNotes, patientId, patch.notes) } : {}),
          updatedAt: ctx.deps.clock.now(),
        })
        .where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patientId)));
    }
    // Notes are clinical free text: the audit log says they changed, not what they say.
    if (changes.notes) changes.notes = ["(changed)", "(changed)"];
    await recordStaffAudit(ctx, {
      action: "update",
      entity: "patient",
      entityId: patientId,
      changes,
    });
    return recordView(await loadPatient(staff, patientId));
  });
