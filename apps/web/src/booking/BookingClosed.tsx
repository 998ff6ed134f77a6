import type { PublicClinic } from "../api/types";
import { usePatientText } from "../i18n/usePatientText";
import { EmptyNotice } from "../ui/Notice";
import styles from "./booking.module.css";

/** What the booking page shows while the clinic's online booking is switched off. */
export function BookingClosed({ clinic }: { clinic: PublicClinic }) {
  const { t } = usePatientText();
  return (
    <div className={styles.panel}>
      <EmptyNotice title={t("booking.closed.heading")}>
        <p>{t("booking.closed.message", { clinic: clinic.name })}</p>
      </EmptyNotice>
    </div>
  );
}
