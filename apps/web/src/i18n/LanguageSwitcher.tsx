// The patient's choice of language: a plain select, kept in the address (`?lang=`) so a reload or
// a shared link keeps it. Each language is named in itself, and marked as such for screen readers.
import { useNavigate } from "@tanstack/react-router";
import { useId } from "react";
import styles from "../booking/booking.module.css";
import { isPatientLanguage, LANGUAGE_NAMES, PATIENT_LANGUAGES } from "./patient-i18n";
import { usePatientText } from "./usePatientText";

export function LanguageSwitcher() {
  const { t, language } = usePatientText();
  const navigate = useNavigate();
  const id = useId();
  return (
    <div className={styles.languageSwitcher}>
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const lang = event.target.value;
          if (isPatientLanguage(lang)) void navigate({ to: ".", search: (previous) => ({ ...previous, lang }), replace: true });
        }}
      >
        {PATIENT_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
