// public.booking.intake / public.booking.answerIntake: the patient answers the intake form later,
// from the manage link, until the appointment starts. The answers are written, never shown back
// on a public page (ADR 0037): a manage link forwarded by mistake reveals nothing clinical.
import { answerBookingIntakeInput, bookingIntakeInput, isOpen } from "@frontdesk/domain";
import { intakeAnswers } from "@frontdesk/db/schema";
import { recordAudit } from "../../../audit";
import { RuleError } from "../../../errors";
import { asksQuestions, checkedAnswers, currentForm, sealedAnswers } from "../../../intake/forms";
import { manageLimit } from "../../../rate-limit/public-limits";
import { procedure } from "../../../trpc";
import { fromLink, linkedAppointment } from "../manage-link";
import { asPublic } from "../scope";

/** Answers are for the visit: once it has started, or when it is over or cancelled, the form is closed. */
const isAnswerable = (appointment: { status: Parameters<typeof isOpen>[0]; startsAt: Date }, now: Date) => isOpen(appointment.status) && now < appointment.startsAt;

export const intake = procedure("public.booking.intake")
  .input(bookingIntakeInput)
  .query(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    return asPublic(ctx, clinic.id, async (tx) => {
      const row = await linkedAppointment(ctx, tx, clinic, tokenHash);
      const form = await currentForm(tx, clinic.id, row.appointment.serviceId);
      return {
        form: asksQuestions(form) ? { id: form.id, version: form.version, questions: form.questions } : null,
        canAnswer: asksQuestions(form) && isAnswerable(row.appointment, ctx.deps.clock.now()),
      };
    });
  });

export const answerIntake = procedure("public.booking.answerIntake")
  .input(answerBookingIntakeInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    const now = ctx.deps.clock.now();
    return asPublic(ctx, clinic.id, async (tx) => {
      const row = await linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
      if (!isAnswerable(row.appointment, now)) throw new RuleError("The questions can be answered only before the appointment", "INVALID_TRANSITION");
      const checked = checkedAnswers(await currentForm(tx, clinic.id, row.appointment.serviceId), input.intake);
      if (!checked) throw new RuleError("This appointment has no questions to answer");
      const values = await sealedAnswers(ctx.deps.vault.forClinic(tx, clinic.id), { clinicId: clinic.id, appointmentId: row.appointment.id, ...checked, via: "manage_link", at: now });
      await tx.insert(intakeAnswers).values(values);
      await recordAudit(tx, {
        clinicId: clinic.id,
        actorUserId: null,
        actorKind: "patient_link",
        action: "answer",
        entity: "intake_answers",
        entityId: row.appointment.id,
        requestId: ctx.requestId,
      });
      return { answeredAt: now.toISOString() };
    });
  });
