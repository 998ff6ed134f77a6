// The staff screens' languages (ADR 0043): the same i18next setup as the patient pages (ADR 0029),
// with its own instance and catalogues so a patient never downloads staff words and the reverse.
// Staff pick their language in the user menu; until they do, the browser's preferred one is used.
import i18next, { type i18n } from "i18next";
import en from "./en.json";
import fr from "./fr.json";

export const STAFF_LANGUAGES = ["en", "fr"] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

/** Each language's own name, for the user menu. */
export const STAFF_LANGUAGE_NAMES: Record<StaffLanguage, string> = { en: "English", fr: "Français" };

const PICKED_KEY = "frontdesk.staffLanguage";

export function isStaffLanguage(value: unknown): value is StaffLanguage {
  return typeof value === "string" && (STAFF_LANGUAGES as readonly string[]).includes(value);
}

/** The member's pick on this device, else the browser's preferred language among ours, else English. */
export function initialStaffLanguage(): StaffLanguage {
  try {
    const picked = localStorage.getItem(PICKED_KEY);
    if (isStaffLanguage(picked)) return picked;
  } catch {
    // Storage refused (private mode): the browser's language it is.
  }
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages;
  for (const tag of preferred) {
    const language = tag.split("-")[0]?.toLowerCase();
    if (isStaffLanguage(language)) return language;
  }
  return "en";
}

// Both catalogues are small and ship with the staff chunk, never with the booking page.
export const staffI18n: i18n = i18next.createInstance();
void staffI18n.init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: initialStaffLanguage(),
  // Every catalogue has every key (staff-catalogue.test.ts).
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

export async function pickStaffLanguage(language: StaffLanguage): Promise<void> {
  try {
    localStorage.setItem(PICKED_KEY, language);
  } catch {
    // Not kept across reloads; the change still applies now.
  }
  await staffI18n.changeLanguage(language);
  document.documentElement.lang = language;
}
