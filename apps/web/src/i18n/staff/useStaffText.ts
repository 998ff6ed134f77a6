// What a staff screen needs to speak the member's language.
import { useTranslation } from "react-i18next";
import { isStaffLanguage, staffI18n, type StaffLanguage } from "./staff-i18n";

export function useStaffText() {
  const { t, i18n } = useTranslation(undefined, { i18n: staffI18n });
  const language: StaffLanguage = isStaffLanguage(i18n.language) ? i18n.language : "en";
  return { t, language };
}
