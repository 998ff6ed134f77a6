import { createPatientInput } from "@frontdesk/domain";
import { patientView } from "@frontdesk/domain";
import { patients } from "@frontdesk/db/schema";
import { recordStaffAudit } from "../../audit";
import { ENCRYPTED } from "../../encryption/fields";
import { procedure } from "../../trpc";
import { emitPatientCreatedWebhook } from "../../webhooks/events";
import { recordView } from "./patient-record";
import { clinicPhoneCountry, storedPhone } from "./phone";

export const create = procedure("patients.create")
    .meta({ openapi: { method: "POST", path: "/patients", tags: ["Patients"], protect: true, summary: "Add a patient record" } })
    .output(patientView)
  .input(createPatientInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const values = { fullName: input.fullName, email: input.email ?? null, phone: storedPhone(input.phone ?? null, await clinicPhoneCountry(staff.tx, staff.clinicId)), dateOfBirth: input.dateOfBirth ?? null, notes: input.notes ?? null };
    // The id is chosen here because the encrypted notes are bound to it.
    const id = crypto.randomUUID();
    const [created] = await staff.tx
      .insert(patients)
      .values({ id, clinicId: staff.clinicId, ...values, notes: await staff.cipher.seal(ENCRYPTED.patientNotes, id, values.notes) })
      .returning();
    await emitPatientCreatedWebhook(staff.tx, { clinicId: staff.clinicId, patientId: created!.id });
    await recordStaffAudit(ctx, {
      action: "create",
      entity: "patient",
      entityId: created!.id,
      // Which fields were filled in, not their contents: the audit log is not a second patient record.
      changes: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null).map(([field]) => [field, [null, "(set)"]])),
    });
    return recordView({ ...created!, notes: values.notes });
  });
