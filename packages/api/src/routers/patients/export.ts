import { appointments, clinicalNotes, clinics, practitioners, services } from "@frontdesk/db/schema";
import { patientInput } from "@frontdesk/domain";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ENCRYPTED } from "../../encryption/fields";
import { procedure } from "../../trpc";
import { presentNotes } from "../clinical-notes/note-record";
import { loadPatient, recordView } from "./patient-record";

/**
 * Everything the clinic holds about one patient (the right of access): the record, every
 * appointment with its notes, and the signed clinical notes when the clinic opens them to owners
 * and admins (ADR 0026). As JSON for machines and as plain text for the patient to read. Audited.
 */
export const exportPatient = procedure("patients.export")
  .input(patientInput)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const patient = await loadPatient(staff, input.patientId);
    const [clinic] = await staff.tx.select({ name: clinics.name, timezone: clinics.timezone, notesOpen: clinics.clinicalNotesOpenToAdmins }).from(clinics).where(eq(clinics.id, staff.clinicId));
    const rows = await staff.tx
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        status: appointments.status,
        source: appointments.source,
        notes: appointments.notes,
        cancelReason: appointments.cancelReason,
        serviceName: services.name,
        practitionerName: practitioners.displayName,
      })
      .from(appointments)
      .innerJoin(services, and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)))
      .innerJoin(practitioners, and(eq(practitioners.clinicId, appointments.clinicId), eq(practitioners.id, appointments.practitionerId)))
      .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.patientId, patient.id)))
      .orderBy(asc(appointments.startsAt), asc(appointments.id));
    const history = await Promise.all(
      rows.map(async (a) => ({
        ...a,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        notes: await staff.cipher.open(ENCRYPTED.appointmentNotes, a.id, a.notes),
      })),
    );
    // The caller is an owner or admin: notes only when the clinic opens them to admins; drafts never.
    const noteRows = clinic!.notesOpen
      ? await staff.tx
          .select()
          .from(clinicalNotes)
          .where(and(eq(clinicalNotes.clinicId, staff.clinicId), eq(clinicalNotes.patientId, patient.id), isNotNull(clinicalNotes.signedAt)))
          .orderBy(asc(clinicalNotes.createdAt), asc(clinicalNotes.id))
      : [];
    const notes = (await presentNotes(staff, noteRows)).map(({ id, appointmentId, amendsNoteId, authorName, signedAt, content }) => ({ id, appointmentId, amendsNoteId, authorName, signedAt, content }));
    const exportedAt = ctx.deps.clock.now().toISOString();
    const record = recordView(patient);
    await recordStaffAudit(ctx, { action: "export", entity: "patient", entityId: patient.id, changes: { clinicalNotes: [null, clinic!.notesOpen ? "included" : "withheld"] } });
    const data = { exportedAt, clinic: { name: clinic!.name }, patient: record, appointments: history, clinicalNotes: notes, clinicalNotesIncluded: clinic!.notesOpen };
    return { data, document: readableExport(data), fileName: `patient-${patient.id}` };
  });

type ExportData = {
  exportedAt: string;
  clinic: { name: string };
  patient: ReturnType<typeof recordView>;
  appointments: Array<{ startsAt: string; endsAt: string; status: string; serviceName: string; practitionerName: string; notes: string | null; cancelReason: string | null }>;
  clinicalNotes: Array<{ signedAt: string | null; authorName: string; amendsNoteId: string | null; content: { body: string; sections: Array<{ heading: string; text: string }> } }>;
  clinicalNotesIncluded: boolean;
};

/** The same export as a plain-text document a person reads from top to bottom. Times are UTC, as in the JSON. */
function readableExport(data: ExportData): string {
  const { patient } = data;
  const lines = [
    `What ${data.clinic.name} holds about ${patient.fullName}`,
    `Exported ${data.exportedAt} (times in UTC)`,
    "",
    "CONTACT DETAILS",
    `Name: ${patient.fullName}`,
    `E-mail: ${patient.email ?? "not given"}`,
    `Phone: ${patient.phone ?? "not given"}`,
    `Date of birth: ${patient.dateOfBirth ?? "not given"}`,
    `Notes: ${patient.notes ?? "none"}`,
    `Record created: ${patient.createdAt}`,
    "",
    `APPOINTMENTS (${data.appointments.length})`,
    ...data.appointments.flatMap((a) => [
      `- ${a.startsAt} to ${a.endsAt}: ${a.serviceName} with ${a.practitionerName}, ${a.status.replace("_", " ")}`,
      ...(a.notes ? [`  Notes: ${a.notes}`] : []),
      ...(a.cancelReason ? [`  Reason for cancelling: ${a.cancelReason}`] : []),
    ]),
    "",
    "CLINICAL NOTES",
    ...(data.clinicalNotesIncluded
      ? data.clinicalNotes.length === 0
        ? ["None."]
        : data.clinicalNotes.flatMap((n) => [
            `- ${n.amendsNoteId ? "Amendment" : "Note"} by ${n.authorName}, signed ${n.signedAt}`,
            ...(n.content.body ? [`  ${n.content.body}`] : []),
            ...n.content.sections.map((s) => `  ${s.heading}: ${s.text}`),
          ])
      : ["Kept by the practitioners: ask the clinic's practitioner for them."]),
    "",
  ];
  return lines.join("\n");
}
