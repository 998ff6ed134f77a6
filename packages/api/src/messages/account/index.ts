// The account mails' catalogues (ADR 0072) and the one rule for which language they speak.
import type { PatientLanguage } from "@frontdesk/domain";
import { messageLanguage } from "..";
import { de } from "./de";
import { en, type AccountCatalogue, type AccountMailKey } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export type { AccountCatalogue, AccountMailKey } from "./en";

export const ACCOUNT_CATALOGUES: Record<PatientLanguage, AccountCatalogue> = { en, fr, de, es };

/** One entry of a language's account mails. */
export const accountText = (language: PatientLanguage, key: AccountMailKey): string => ACCOUNT_CATALOGUES[language][key];

/**
 * What a mail about a staff account is written in. Frontdesk keeps no language of a person (the
 * staff screens' pick stays on the device, ADR 0043), so it is the clinics': the language of the
 * clinic an invitation is from, or of every clinic the person works at when they all speak the
 * same one (the patient messages' rule per clinic: its locale's language, else English). No
 * clinic yet (a sign-up), or clinics in different languages: English, since any one of them
 * would be a guess.
 */
export function accountMailLanguage(clinicLocales: readonly string[]): PatientLanguage {
  const spoken = new Set(clinicLocales.map((locale) => messageLanguage(locale, null).language));
  return spoken.size === 1 ? [...spoken][0]! : "en";
}
