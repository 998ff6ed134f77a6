// The manage link page's loading and failure states: the route's pendingComponent and
// errorComponent (router.tsx loads the appointment). Small and loaded with the app, so they show
// while the page's own chunk is still on its way.
import { useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { useEffect } from "react";
import { describeFailure } from "../api/failure";
import styles from "../booking/booking.module.css";
import { ErrorNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";

/** The appointment on its way (the route's pendingComponent; its loader fetches it). */
export function ManageBookingPending() {
  useManageTitle();
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading your appointment…
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
  const failure = describeFailure(error);
  if (failure.kind === "not-found") {
    return (
      <>
        <h1>This link does not work</h1>
        <p>The link may be mistyped or may have expired. Please contact your clinic to change your appointment.</p>
      </>
    );
  }
  return (
    <>
      <h1>Your appointment</h1>
      <ErrorNotice title="Your appointment could not be loaded" message={failure.message} onRetry={() => void router.invalidate()} />
    </>
  );
}

export function useManageTitle() {
  useEffect(() => {
    document.title = "Your appointment · Frontdesk";
  }, []);
}
