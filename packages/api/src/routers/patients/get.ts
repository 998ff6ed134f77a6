import { patientInput } from "@frontdesk/domain";
import { patientDetailView } from "@frontdesk/domain";
import { appointments, practitioners, services } from "@frontdesk/db/schema";
import { and, desc, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ENCRYPTED } from "../../encryption/fields";
import { procedure } from "../../trpc";
import { loadPatient, recordView } from "./patient-record";

/** The record with every appointment (newest first) and the no-show count. Each view is audited. */
export const get = procedure("patients.get")
    .meta({ openapi: { method: "GET", path: "/patients/{patientId}", tags: ["Patients"], protect: true, summary: "A patient record with its appointments (audited)" } })
    .output(patientDetailView)
  .input(patientInput)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const patient = await loadPatient(staff, input.patientId);
    const history = await staff.tx
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        status: appointments.status,
        source: appointments.source,
        notes: appointments.notes,
        cancelReason: appointments.cancelReason,
        serviceId: appointments.serviceId,
        serviceName: services.name,
        practitionerId: appointments.practitionerId,
        practitionerName: practitioners.displayName,
      })
      .from(appointments)
      .innerJoin(services, and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)))
      .innerJoin(practitioners, and(eq(practitioners.clinicId, appointments.clinicId), eq(practitioners.id, appointments.practitionerId)))
      .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.patientId, patient.id)))
      .orderBy(desc(appointments.startsAt), desc(appointments.id));
    // Who looked at which patient, when (issue 5): a read of a record is audited like a change.
    await recordStaffAudit(ctx, {
      action: "view",
      entity: "patient",
      entityId: patient.id,
    });
    return {
      patient: recordView(patient),
      appointments: await Promise.all(
        history.map(async (a) => ({
          ...a,
          notes: await staff.cipher.open(ENCRYPTED.appointmentNotes, a.id, a.notes),
          startsAt: a.startsAt.toISOString(),
          endsAt: a.endsAt.toISOString(),
        })),
      ),
      noShowCount: history.filter((a) => a.status === "no_show").length,
    };
  });
