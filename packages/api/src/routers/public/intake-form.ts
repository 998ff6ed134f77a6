// public.intakeForm: what the booking page asks before the patient books a service: the
// service's intake questions (its current version) and the clinic's privacy notice (ADR 0037).
import { publicIntakeFormInput } from "@frontdesk/domain";
import { asksQuestions, currentForm } from "../../intake/forms";
import { procedure } from "../../trpc";
import { bookableService } from "./offering";
import { asPublic, clinicBySlug, type Clinic } from "./scope";

/** The clinic's privacy notice as the booking page shows it, or null when it has none. */
export const privacyNoticeOf = (clinic: Clinic) =>
  clinic.privacyNoticeUrl && clinic.privacyNoticeVersion ? { url: clinic.privacyNoticeUrl, version: clinic.privacyNoticeVersion } : null;

export const intakeForm = procedure("public.intakeForm")
  .input(publicIntakeFormInput)
  .query(async ({ ctx, input }) => {
    const clinic = await clinicBySlug(ctx, input.clinicSlug);
    const form = await asPublic(ctx, clinic.id, async (tx) => {
      await bookableService(tx, clinic.id, input.serviceId);
      return currentForm(tx, clinic.id, input.serviceId);
    });
    return {
      form: asksQuestions(form) ? { id: form.id, version: form.version, questions: form.questions } : null,
      privacyNotice: privacyNoticeOf(clinic),
    };
  });
