// The messages about a person's own account: address confirmation, "you already have an
// account", password reset, invitation. Plain text, like the other mails (mail.ts), in the
// recipient's language (ADR 0072): the wording comes from messages/account/, filled by the
// patient messages' own `fillPlaceholders`.
import { withIdentity, type Database } from "@frontdesk/db";
import { clinics, memberships } from "@frontdesk/db/schema";
import type { PatientLanguage, StaffRole } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import { accountMailLanguage, accountText, type AccountMailKey } from "./messages/account";
import { fillPlaceholders } from "./notifications/content";
import type { MailMessage } from "./ports";

function accountMail(to: string, language: PatientLanguage, kind: "signUpCode" | "accountExists" | "passwordReset" | "invitation", values: Record<string, string>): MailMessage {
  const text = (key: AccountMailKey) => fillPlaceholders(accountText(language, key), values);
  return { to, subject: text(`${kind}.subject`), text: text(`${kind}.text`) };
}

/**
 * The language of the mails about `userId`'s account: that of the clinics they work at
 * (`accountMailLanguage`), English for a person at no clinic.
 */
export async function accountLanguageOf(db: Database, userId: string): Promise<PatientLanguage> {
  const rows = await withIdentity(db, { userId }, (tx) =>
    tx.select({ locale: clinics.locale }).from(memberships).innerJoin(clinics, eq(clinics.id, memberships.clinicId)).where(eq(memberships.userId, userId)),
  );
  return accountMailLanguage(rows.map((row) => row.locale));
}

/** The sign-up code. Nobody knows the address yet: English until the sign-up page sends its language. */
export function signUpCodeMail(to: string, code: string, language: PatientLanguage = "en"): MailMessage {
  return accountMail(to, language, "signUpCode", { code });
}

export function accountExistsMail(to: string, publicUrl: string, language: PatientLanguage = "en"): MailMessage {
  return accountMail(to, language, "accountExists", { signInUrl: `${publicUrl}/app/sign-in`, forgotPasswordUrl: `${publicUrl}/app/forgot-password` });
}

export function passwordResetMail(to: string, link: string, language: PatientLanguage = "en"): MailMessage {
  return accountMail(to, language, "passwordReset", { link });
}

/** An invitation to a clinic: in that clinic's language (`accountMailLanguage([clinic.locale])`). */
export function invitationMail(to: string, clinicName: string, role: StaffRole, link: string, language: PatientLanguage = "en"): MailMessage {
  return accountMail(to, language, "invitation", { clinicName, role: accountText(language, `role.${role}`), link });
}
