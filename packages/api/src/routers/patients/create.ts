import { createPatientInput } from "@frontdesk/domain";
import { patientView } from "@frontdesk/domain";
import { patients } from "@frontdesk/db/schema";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { recordView } from "./patient-record";

export const create = procedure("patients.create")
    .meta({ openapi: { method: "POST", path: "/patients", tags: ["Patients"], protect: true, summary: "Add a patient record" } })
    .output(patientView)
  .input(createPatientInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const values = { fullName: input.fullName, email: input.email ?? null, phone: input.phone ?? null, dateOfBirth: input.dateOfBirth ?? null, notes: input.notes ?? null };
    const [created] = await staff.tx
      .insert(patients)
      .values({ clinicId: staff.clinicId, ...values })
      .returning();
    await recordStaffAudit(ctx, {
      action: "create",
      entity: "patient",
      entityId: created!.id,
      // Which fields were filled in, not their contents: the audit log is not a second patient record.
      changes: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null).map(([field]) => [field, [null, "(set)"]])),
    });
    return recordView(created!);
  });
