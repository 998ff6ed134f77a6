// The languages patients are spoken to in, on their pages and in their e-mails (ADR 0029, 0050).
// The web app's patient catalogues are one per language here (a test there keeps them equal).
export const PATIENT_LANGUAGES = ["en", "fr", "de", "es"] as const;
export type PatientLanguage = (typeof PATIENT_LANGUAGES)[number];

export function isPatientLanguage(value: unknown): value is PatientLanguage {
  return typeof value === "string" && (PATIENT_LANGUAGES as readonly string[]).includes(value);
}

/** A locale's language among the patients' ("fr-CA" -> "fr"), else English. */
export function patientLanguageOf(locale: string | null | undefined): PatientLanguage {
  const language = locale?.split("-")[0]?.toLowerCase();
  return isPatientLanguage(language) ? language : "en";
}
