import { clinicalNotes, clinics, messages } from "@frontdesk/db/schema";
import type { IntakeAnswerValue } from "@frontdesk/domain";
import { patientInput } from "@frontdesk/domain";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { answersForAppointment, type AppointmentIntake } from "../../intake/forms";
import { procedure } from "../../trpc";
import { presentNotes } from "../clinical-notes/note-record";
import { loadPatient, patientAppointments, recordView } from "./patient-record";

/**
 * Everything the clinic holds about one patient (the right of access): the record, every
 * appointment with its notes, the intake answers (with the questions they answered), the messages
 * sent to them, and the signed clinical notes when the clinic opens them to owners
 * and admins (ADR 0026). As JSON for machines and as plain text for the patient to read. Audited.
 */
export const exportPatient = procedure("patients.export")
  .input(patientInput)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const patient = await loadPatient(staff, input.patientId);
    const [clinic] = await staff.tx.select({ name: clinics.name, timezone: clinics.timezone, notesOpen: clinics.clinicalNotesOpenToAdmins }).from(clinics).where(eq(clinics.id, staff.clinicId));
    const history = await patientAppointments(staff, patient.id, "oldest first");
    const intake = (
      await Promise.all(history.map(async (a) => (await answersForAppointment(staff.tx, staff.cipher, staff.clinicId, a.id)).map((set) => ({ appointmentId: a.id, appointmentStart: a.startsAt, ...set }))))
    ).flat();
    const sent = await staff.tx
      .select({ kind: messages.kind, channel: messages.channel, recipient: messages.recipient, status: messages.status, sendAt: messages.sendAt, sentAt: messages.sentAt, appointmentId: messages.appointmentId })
      .from(messages)
      .where(and(eq(messages.clinicId, staff.clinicId), eq(messages.patientId, patient.id)))
      .orderBy(asc(messages.sendAt), asc(messages.id));
    const messageList = sent.map((m) => ({ ...m, sendAt: m.sendAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null }));
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
    const data = { exportedAt, clinic: { name: clinic!.name }, patient: record, appointments: history, intakeAnswers: intake, messages: messageList, clinicalNotes: notes, clinicalNotesIncluded: clinic!.notesOpen };
    return { data, document: readableExport(data), fileName: `patient-${patient.id}` };
  });

type ExportData = {
  exportedAt: string;
  clinic: { name: string };
  patient: ReturnType<typeof recordView>;
  appointments: Array<{ startsAt: string; endsAt: string; status: string; serviceName: string; practitionerName: string; notes: string | null; cancelReason: string | null }>;
  intakeAnswers: Array<AppointmentIntake & { appointmentStart: string }>;
  messages: Array<{ kind: string; channel: string; recipient: string; status: string; sendAt: string; sentAt: string | null }>;
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
    `INTAKE ANSWERS (${data.intakeAnswers.length})`,
    ...data.intakeAnswers.flatMap((set) => [
      `- For the appointment of ${set.appointmentStart}, answered ${set.answeredAt} (form version ${set.formVersion})`,
      ...set.items.map((item) => `  ${item.question.label} ${readableAnswer(item.answer)}`),
    ]),
    "",
    `MESSAGES (${data.messages.length})`,
    ...data.messages.map((m) => `- ${m.kind.replace("_", " ")} by ${m.channel} to ${m.recipient}, ${m.status}${m.sentAt ? ` ${m.sentAt}` : ` (planned ${m.sendAt})`}`),
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

function readableAnswer(answer: IntakeAnswerValue | null): string {
  if (answer === null) return "(no answer)";
  if (typeof answer === "boolean") return answer ? "Yes" : "No";
  return Array.isArray(answer) ? answer.join(", ") : answer;
}
