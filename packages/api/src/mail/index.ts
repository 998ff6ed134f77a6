// The messages the API sends. Plain text first: it reads well everywhere, screen readers included.
import type { PatientLanguage } from "@frontdesk/domain";
import { messageText } from "../messages";
import { fillPlaceholders } from "../notifications/content";
import type { MailMessage } from "../ports";

/**
 * The sign-in code. `language`: the patient page it was asked from (My appointments, ADR 0050),
 * from the catalogues (ADR 0057); staff sign-in asks without one and reads English.
 */
export function loginCodeMail(to: string, code: string, language: PatientLanguage = "en"): MailMessage {
  const values = { code };
  return { to, subject: fillPlaceholders(messageText(language, "signInCode.subject"), values), text: fillPlaceholders(messageText(language, "signInCode.text"), values) };
}
