// What a patient page needs to speak the patient's language: the catalogue's `t`, and the clinic's
// dates, times and money formatted in that language (packages/domain's time/format module).
import { formatPrice, type DateFormat } from "@frontdesk/domain";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useDateFormat } from "../lib/useDateFormat";
import { formattingLocale, isPatientLanguage, patientI18n, type PatientLanguage } from "./patient-i18n";

export function usePatientText() {
  const { t, i18n } = useTranslation(undefined, { i18n: patientI18n });
  const language: PatientLanguage = isPatientLanguage(i18n.language) ? i18n.language : "en";
  return { t, language, ready: i18n.hasResourceBundle(language, "translation") };
}

export interface PatientFormats {
  fmt: DateFormat;
  /** The locale in use: the clinic's, or the patient's language in the clinic's region. */
  locale: string;
  duration: (minutes: number) => string;
  price: (cents: number | null, currency: string) => string | null;
}

export function usePatientFormats(clinic: { locale: string; timezone: string }): PatientFormats {
  const { t, language } = usePatientText();
  const locale = formattingLocale(language, clinic.locale);
  const fmt = useDateFormat(locale, clinic.timezone);
  const duration = useCallback(
    (minutes: number) => {
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      if (hours === 0) return t("duration.minutes", { minutes: rest });
      return rest === 0 ? t("duration.hours", { hours }) : t("duration.hoursMinutes", { hours, minutes: rest });
    },
    [t],
  );
  const price = useCallback((cents: number | null, currency: string) => formatPrice(cents, currency, locale), [locale]);
  return { fmt, locale, duration, price };
}
