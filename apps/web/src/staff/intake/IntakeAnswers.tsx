// What the patient answered before the visit (intake.answers, ADR 0037): each set with the
// questions of the form version it answered, newest first, and the privacy notice they accepted.
// Shown only to the roles the permission table lets read them; each read is audited by the server.
import type { RouterOutputs } from "@frontdesk/api";
import type { DateFormat } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import styles from "../calendar/calendar.module.css";

type Answer = RouterOutputs["intake"]["answers"]["answers"][number]["items"][number]["answer"];

function readable(answer: Answer): string {
  if (answer === null) return "No answer";
  if (typeof answer === "boolean") return answer ? "Yes" : "No";
  return Array.isArray(answer) ? answer.join(", ") : answer;
}

export function IntakeAnswers({ appointmentId, format }: { appointmentId: string; format: DateFormat }) {
  const trpc = useTRPC();
  const intake = useQuery(trpc.intake.answers.queryOptions({ appointmentId }));
  return (
    <section aria-labelledby="intake-answers-heading">
      <h3 id="intake-answers-heading" className={styles.subheading}>
        Intake answers
      </h3>
      {intake.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading the intake answers…</span>
          <Skeleton height="2rem" />
        </div>
      ) : intake.isError ? (
        <ErrorNotice title="The intake answers could not be loaded" message={describeFailure(intake.error).message} onRetry={() => void intake.refetch()} />
      ) : (
        <>
          {intake.data.answers.length === 0 ? <p className={styles.muted}>The patient has not answered any questions.</p> : null}
          {intake.data.answers.map((set, index) => (
            <div key={set.id}>
              <p className={styles.muted}>
                {index === 0 ? "Answered" : "Earlier answers,"} {format.dateTime(set.answeredAt)} {set.answeredVia === "booking" ? "when booking" : "from the confirmation link"} (form
                version {set.formVersion})
              </p>
              <dl aria-label={index === 0 ? "Intake answers" : "Earlier intake answers"}>
                {set.items.map((item) => (
                  <div key={item.question.id}>
                    <dt>{item.question.label}</dt>
                    <dd>{readable(item.answer)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
          {intake.data.consent ? (
            <p className={styles.muted}>
              Accepted the privacy notice version {intake.data.consent.version} on {format.dateTime(intake.data.consent.at)}.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
