// intake.answers: what the patient answered for an appointment, each set with the questions of
// the version it answered. Clinical content: practitioners, owners and admins only, every read audited.
import { appointments } from "@frontdesk/db/schema";
import { intakeAnswersInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { NotFoundError } from "../../errors";
import { answersForAppointment } from "../../intake/forms";
import { procedure } from "../../trpc";

export const answers = procedure("intake.answers")
  .input(intakeAnswersInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId, cipher } = ctx.staff;
    const [appointment] = await tx
      .select({ id: appointments.id, privacyNoticeVersion: appointments.privacyNoticeVersion, privacyConsentedAt: appointments.privacyConsentedAt })
      .from(appointments)
      .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, input.appointmentId)));
    if (!appointment) throw new NotFoundError("Appointment");
    const sets = await answersForAppointment(tx, cipher, clinicId, appointment.id);
    if (sets.length > 0) await recordStaffAudit(ctx, { action: "view", entity: "intake_answers", entityId: appointment.id });
    return {
      answers: sets,
      consent: appointment.privacyNoticeVersion ? { version: appointment.privacyNoticeVersion, at: appointment.privacyConsentedAt!.toISOString() } : null,
    };
  });
