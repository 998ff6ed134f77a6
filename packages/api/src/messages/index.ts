// The patient messages' catalogues (ADR 0057) and the one rule for which language a message
// speaks. The wording is filled by notifications/content.ts; dates by @frontdesk/domain's formats.
import { clinicDateFormat, formattingLocale, isPatientLanguage, templateLocale, type DateFormat, type PatientLanguage } from "@frontdesk/domain";
import { de } from "./de";
import { en, type Catalogue, type MessageKey } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export type { Catalogue, MessageKey } from "./en";

export const CATALOGUES: Record<PatientLanguage, Catalogue> = { en, fr, de, es };

/** One entry of a language's catalogue. */
export const messageText = (language: PatientLanguage, key: MessageKey): string => CATALOGUES[language][key];

export interface MessageLanguage {
  /** The catalogue the built-in wording comes from. */
  language: PatientLanguage;
  /**
   * Whether the message is in the clinic's own language, the one its saved templates are written
   * in: only then does the clinic's wording replace the built-in one.
   */
  clinicLanguage: boolean;
}

/**
 * What a patient's message is written in: the language of the page the patient booked or joined
 * on (`picked`, stored with the appointment or the waitlist entry), else the clinic's language,
 * else English when we have no catalogue for it. A stored value we no longer know counts as none.
 */
export function messageLanguage(clinicLocale: string, picked: string | null | undefined): MessageLanguage {
  const clinics = templateLocale(clinicLocale);
  const spoken = isPatientLanguage(picked) ? picked : clinics;
  return { language: isPatientLanguage(spoken) ? spoken : "en", clinicLanguage: spoken === clinics };
}

/**
 * A message's dates, in the clinic's zone: in the clinic's own locale when the text is the
 * clinic's wording (its templates sit beside its dates), else in the message's language in the
 * clinic's region (`formattingLocale`, the patient pages' rule: "fr-FR", "en-FR").
 */
export function messageDateFormat(clinic: { locale: string; timezone: string }, language: PatientLanguage, clinicWording: boolean): DateFormat {
  return clinicDateFormat({ locale: clinicWording ? clinic.locale : formattingLocale(language, clinic.locale), timezone: clinic.timezone });
}

/**
 * A patient page's address in a message, so that it opens in the message's language (the patient
 * pages read `?lang=`; without it the opt-out and waitlist-offer pages could only guess from the
 * browser, since their answers do not carry the clinic's locale).
 */
export const patientPageLink = (url: string, language: PatientLanguage): string => `${url}?lang=${language}`;
