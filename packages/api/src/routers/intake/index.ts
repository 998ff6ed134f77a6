// Intake forms and the privacy notice (ADR 0037): admins define them; clinicians read the answers.
import type { TRPCRouterRecord } from "@trpc/server";
import { answers } from "./answers";
import { form, saveForm } from "./form";
import { privacyNotice, setPrivacyNotice } from "./privacy-notice";

export const intakeRouter = {
  form,
  saveForm,
  answers,
  privacyNotice,
  setPrivacyNotice,
} satisfies TRPCRouterRecord;
