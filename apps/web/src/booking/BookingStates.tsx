// The booking page's loading and failure states: the route's pendingComponent and errorComponent
// (router.tsx loads the clinic). Small and loaded with the app, so they show while the page's own
// chunk is still on its way.
import { useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { describeFailure } from "../api/failure";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { ErrorNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";
import styles from "./booking.module.css";

export function ClinicSkeleton() {
  const { t, ready } = usePatientText();
  return (
    <div aria-busy="true">
      {/* Before the first catalogue arrives there are no words to say it in. */}
      <p role="status" className="visually-hidden">
        {ready ? t("booking.loadingClinic") : ""}
      </p>
      <div className={styles.clinicHeader}>
        <Skeleton width="18rem" height="2.25rem" style={{ maxWidth: "100%", marginBottom: "0.75rem" }} />
        <Skeleton width="14rem" />
      </div>
      <div className={styles.panel}>
        <Skeleton width="12rem" height="1.75rem" style={{ marginBottom: "1rem" }} />
        <div className={styles.skeletonList}>
          <Skeleton height="3.75rem" />
          <Skeleton height="3.75rem" />
          <Skeleton height="3.75rem" />
        </div>
      </div>
    </div>
  );
}

export function ClinicFailed({ error }: ErrorComponentProps) {
  const router = useRouter();
  const { t } = usePatientText();
  const failure = describeFailure(error);
  if (failure.kind === "not-found") {
    return (
      <>
        <h1>{t("booking.clinicNotFound")}</h1>
        <p>{t("booking.clinicNotFoundHelp")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("booking.bookHeading")}</h1>
      <ErrorNotice title={t("booking.clinicFailed")} message={patientFailureMessage(failure, t)} retryLabel={t("common.tryAgain")} onRetry={() => void router.invalidate()} />
    </>
  );
}
