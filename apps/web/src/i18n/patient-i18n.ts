// The patient pages' languages (ADR 0029): one i18next instance, and only the active language's
// catalogue downloaded (each is a chunk of its own). The language follows the clinic's locale
// unless the patient picked another (`?lang=`); dates, times and prices then use that language
// with the clinic's region ("en-FR": English words, European date order and euro sign placement).
import { isPatientLanguage, patientLanguage, type PatientLanguage } from "@frontdesk/domain";
import i18next, { type i18n } from "i18next";

// The languages themselves, and which one a page speaks, are shared with the server (packages/domain).
export { formattingLocale, isPatientLanguage, LANGUAGE_NAMES, PATIENT_LANGUAGES, patientLanguage, type PatientLanguage } from "@frontdesk/domain";

const catalogues: Record<PatientLanguage, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import("./locales/en.json"),
  fr: () => import("./locales/fr.json"),
  de: () => import("./locales/de.json"),
  es: () => import("./locales/es.json"),
};

export const patientI18n: i18n = i18next.createInstance();
void patientI18n.init({
  resources: {},
  lng: undefined,
  // Every catalogue has every key (src/i18n/catalogue.test.ts): no fallback language to download.
  fallbackLng: false,
  // Flat keys ("booking.service.heading"): a key is found by searching the code for it.
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Downloads the language's catalogue once and makes it the active one (the patient routes' loaders call it). */
export async function activatePatientLanguage(language: PatientLanguage): Promise<void> {
  if (!patientI18n.hasResourceBundle(language, "translation")) {
    const { default: catalogue } = await catalogues[language]();
    patientI18n.addResourceBundle(language, "translation", catalogue);
  }
  if (patientI18n.language !== language) await patientI18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The patient routes' search: the language the patient picked, if any. */
export interface PatientSearch {
  lang?: PatientLanguage;
}

export function validatePatientSearch(search: Record<string, unknown>): PatientSearch {
  return isPatientLanguage(search.lang) ? { lang: search.lang } : {};
}

/** The browser's preferred language among ours, for pages shown before (or without) a clinic. */
export function browserLanguage(): PatientLanguage {
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages;
  for (const tag of preferred) {
    const language = tag.split("-")[0]?.toLowerCase();
    if (isPatientLanguage(language)) return language;
  }
  return "en";
}

/**
 * A patient route's loader: the clinic's (or the picked) language active before the page shows.
 * When the load fails, the error page speaks the picked or the browser's language.
 */
export async function loadInPatientLanguage<T>(picked: PatientLanguage | undefined, load: Promise<T>, clinicLocale: (answer: T) => string): Promise<T> {
  // A picked language is known now: its catalogue downloads in parallel with the clinic.
  const early = picked ? activatePatientLanguage(picked) : undefined;
  try {
    const answer = await load;
    await (early ?? activatePatientLanguage(patientLanguage(clinicLocale(answer), picked)));
    return answer;
  } catch (error) {
    await (early ?? activatePatientLanguage(browserLanguage())).catch(() => undefined);
    throw error;
  }
}
