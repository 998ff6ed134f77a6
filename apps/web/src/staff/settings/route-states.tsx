// The settings screens' loading and failure states, for their routes' pendingComponent and
// errorComponent (routes.ts loads each screen's data). Small and loaded with the app, so they show
// while a screen's own chunk is still on its way; the section's heading stays in place meanwhile.
import { useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { describeFailure } from "../../api/failure";
import { Loading } from "../../ui/Loading";
import { ErrorNotice } from "../../ui/Notice";

interface SectionStates {
  /** The section's heading and its id (the screen uses the same, so nothing moves when it loads). */
  heading?: { id: string; text: string };
  /** What is loading, for screen readers: "Loading the staff…". */
  loading: string;
  /** The failure's title: "The staff could not be loaded". */
  failed: string;
}

/** A pendingComponent and an errorComponent for a settings screen; retrying runs its loader again. */
export function sectionStates({ heading, loading, failed }: SectionStates) {
  const frame = (body: React.ReactNode) =>
    heading ? (
      <section aria-labelledby={heading.id}>
        <h2 id={heading.id}>{heading.text}</h2>
        {body}
      </section>
    ) : (
      body
    );
  function SectionPending() {
    return frame(<Loading label={loading} />);
  }
  function SectionFailed({ error }: ErrorComponentProps) {
    const router = useRouter();
    return frame(<ErrorNotice title={failed} message={describeFailure(error).message} onRetry={() => void router.invalidate()} />);
  }
  return { pendingComponent: SectionPending, errorComponent: SectionFailed };
}
