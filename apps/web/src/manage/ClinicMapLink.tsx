// The clinic's address on OpenStreetMap, on the manage page (the booking page gets the link in its answer).
import { mapLinkFor } from "@frontdesk/domain";
import { usePatientText } from "../i18n/usePatientText";

export function ClinicMapLink({ address }: { address: string | null }) {
  const { t } = usePatientText();
  const href = mapLinkFor(address);
  return href ? (
    <a href={href} target="_blank" rel="noreferrer">
      {t("brand.map")}
    </a>
  ) : null;
}
