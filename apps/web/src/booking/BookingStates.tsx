// The booking page's loading and failure states: the route's pendingComponent and errorComponent
// (router.tsx loads the clinic). Small and loaded with the app, so they show while the page's own
// chunk is still on its way.
import { useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { describeFailure } from "../api/failure";
import { ErrorNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";
import styles from "./booking.module.css";

export function ClinicSkeleton() {
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the clinic&apos;s page…
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
  const failure = describeFailure(error);
  if (failure.kind === "not-found") {
    return (
      <>
        <h1>Clinic not found</h1>
        <p>There is no clinic at this address. Check the link, or ask your clinic for its booking page.</p>
      </>
    );
  }
  return (
    <>
      <h1>Book an appointment</h1>
      <ErrorNotice title="The clinic's page could not be loaded" message={failure.message} onRetry={() => void router.invalidate()} />
    </>
  );
}
