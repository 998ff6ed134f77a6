import { patientInput } from "@frontdesk/domain";
import { patientDetailView } from "@frontdesk/domain";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { loadPatient, patientAppointments, recordView } from "./patient-record";

/** The record with every appointment (newest first) and the no-show count. Each view is audited. */
export const get = procedure("patients.get")
    .meta({ openapi: { method: "GET", path: "/patients/{patientId}", tags: ["Patients"], protect: true, summary: "A patient record with its appointments (audited)" } })
    .output(patientDetailView)
  .input(patientInput)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const patient = await loadPatient(staff, input.patientId);
    const history = await patientAppointments(staff, patient.id, "newest first");
    // Who looked at which patient, when (issue 5): a read of a record is audited like a change.
    await recordStaffAudit(ctx, {
      action: "view",
      entity: "patient",
      entityId: patient.id,
    });
    return {
      patient: recordView(patient),
      appointments: history,
      noShowCount: history.filter((a) => a.status === "no_show").length,
    };
  });
