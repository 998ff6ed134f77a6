// What the patient pages and the server agree on when the server writes the booking page's first
// screen into the HTML (ADR 0052): the languages (ADR 0029), which one a page speaks, the locale
// its dates, times and money use, and the clinic's phone as a link. Small and free of libraries:
// the booking page's entry imports it.

export const PATIENT_LANGUAGES = ["en", "fr", "de", "es"] as const;
export type PatientLanguage = (typeof PATIENT_LANGUAGES)[number];

/** Each language's own name, for the switcher (shown in that language, whatever the page's). */
export const LANGUAGE_NAMES: Record<PatientLanguage, string> = { en: "English", fr: "Français", de: "Deutsch", es: "Español" };

export function isPatientLanguage(value: unknown): value is PatientLanguage {
  return typeof value === "string" && (PATIENT_LANGUAGES as readonly string[]).includes(value);
}

/** The page's language: the patient's pick, else the clinic locale's language, else English. */
export function patientLanguage(clinicLocale: string, picked: string | undefined): PatientLanguage {
  if (isPatientLanguage(picked)) return picked;
  const language = clinicLocale.split("-")[0]?.toLowerCase();
  return isPatientLanguage(language) ? language : "en";
}

/** The locale dates, times and money are formatted in: the clinic's own, or the picked language in the clinic's region. */
export function formattingLocale(language: PatientLanguage, clinicLocale: string): string {
  const [clinicLanguage, ...rest] = clinicLocale.split("-");
  if (clinicLanguage?.toLowerCase() === language) return clinicLocale;
  const region = rest.find((part) => /^[A-Z]{2}$/.test(part));
  return region ? `${language}-${region}` : language;
}

/** A tel: link's target: the digits and a leading +, not the spaces and dots people type. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  return `tel:${digits.startsWith("+") ? `+${digits.slice(1).replace(/\+/g, "")}` : digits.replace(/\+/g, "")}`;
}

/** A locale's language among the patients' ("fr-CA" -> "fr"), else English: what an e-mail is written in (ADR 0050). */
export function patientLanguageOf(locale: string | null | undefined): PatientLanguage {
  return patientLanguage(locale ?? "", undefined);
}
