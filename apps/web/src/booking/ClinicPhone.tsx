// The clinic's phone number as a link a phone can dial: on the booking, booked and manage pages,
// since every "not possible online" sentence ends with "please call the clinic".
import { telHref } from "@frontdesk/domain";
import { usePatientText } from "../i18n/usePatientText";

export function ClinicPhone({ clinic, className }: { clinic: { name: string; phone?: string | null }; className?: string }) {
  const { t } = usePatientText();
  if (!clinic.phone) return null;
  return (
    <a className={className} href={telHref(clinic.phone)} aria-label={t("common.callClinicAt", { clinic: clinic.name, phone: clinic.phone })}>
      {t("common.phone", { phone: clinic.phone })}
    </a>
  );
}
