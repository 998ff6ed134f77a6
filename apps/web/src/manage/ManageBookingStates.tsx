// The manage link page's loading and failure states: the route's pendingComponent and
// errorComponent (router.tsx loads the appointment). Small and loaded with the app, so they show
// while the page's own chunk is still on its way.
import { useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { useEffect } from "react";
import { describeFailure } from "../api/failure";
import styles from "../booking/booking.module.css";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { ErrorNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";

/** The appointment on its way (the route's pendingComponent; its loader fetches it). */
export function ManageBookingPending() {
  useManageTitle();
  const { t, ready } = usePatientText();
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        {ready ? t("manage.loading") : ""}
      </p>
      <Skeleton width="20rem" height="2.25rem" style={{ maxWidth: "100%", marginBottom: "1rem" }} />
      <div className={styles.panel}>
        <Skeleton width="60%" style={{ marginBottom: "0.75rem" }} />
        <Skeleton width="80%" style={{ marginBottom: "0.75rem" }} />
        <Skeleton width="40%" />
      </div>
    </div>
  );
}

/** The route's errorComponent: a link that does not work, or a failure to retry. */
export function ManageBookingFailed({ error }: ErrorComponentProps) {
  useManageTitle();
  const router = useRouter();
  const { t } = usePatientText();
  const failure = describeFailure(error);
  if (failure.kind === "not-found") {
    return (
      <>
        <h1>{t("manage.badLink")}</h1>
        <p>{t("manage.badLinkHelp")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("manage.headingPlain")}</h1>
      <ErrorNotice title={t("manage.loadFailed")} message={patientFailureMessage(failure, t)} retryLabel={t("common.tryAgain")} onRetry={() => void router.invalidate()} />
    </>
  );
}

export function useManageTitle() {
  const { t, ready } = usePatientText();
  const title = ready ? t("manage.title") : "Frontdesk";
  useEffect(() => {
    document.title = title;
  }, [title]);
}
