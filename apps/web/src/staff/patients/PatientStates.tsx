// The patient page's loading and failure states: the route's pendingComponent and errorComponent
// (routes.ts loads the record). Small and loaded with the app, so they show while the page's own
// chunk is still on its way.
import { Link, useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { describeFailure } from "../../api/failure";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";

export function PatientPending() {
  return (
    <div aria-busy="true">
      <span className="visually-hidden">Loading the patient…</span>
      <Skeleton width="50%" height="2rem" />
      <Skeleton height="10rem" style={{ marginTop: "1rem" }} />
    </div>
  );
}

export function PatientFailed({ error }: ErrorComponentProps) {
  const router = useRouter();
  const failure = describeFailure(error);
  // A mistyped or foreign id reads the same as a missing one: there is nothing to show here.
  if (failure.kind === "not-found" || failure.kind === "invalid") {
    return (
      <>
        <h1>Patient not found</h1>
        <p>There is no patient at this address in this clinic.</p>
        <Link to="/app/patients">Search the patients</Link>
      </>
    );
  }
  return <ErrorNotice title="The patient could not be loaded" message={failure.message} onRetry={() => void router.invalidate()} />;
}
