// "Recent activity": the account's security events (sign-ins, failures, password and MFA
// changes), newest first, so that its owner notices what they did not do.
import { useQuery } from "@tanstack/react-query";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDateFormat } from "../../lib/useDateFormat";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { useStaffSession } from "../StaffLayout";
import { describeDevice } from "./device";
import styles from "./account.module.css";

const STAFF_LOCALE = "en-GB";

const WHAT: Record<string, string> = {
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in",
  sign_out: "Signed out",
  email_verified: "E-mail address confirmed",
  password_changed: "Password changed",
  password_reset: "Password reset by e-mail",
  mfa_enabled: "Two-step verification turned on",
  mfa_disabled: "Two-step verification turned off",
  recovery_code_used: "Recovery code used",
  session_revoked: "A device signed out",
  invitation_accepted: "Invitation accepted",
};

export function ActivitySection() {
  const trpc = useTRPC();
  const { membership } = useStaffSession();
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const activity = useQuery(trpc.auth.activity.queryOptions());
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      {activity.isPending ? (
        <Skeleton height="6rem" />
      ) : activity.isError ? (
        <ErrorNotice title="Recent activity could not be loaded" message={describeFailure(activity.error).message} onRetry={() => void activity.refetch()} />
      ) : (
        <ul aria-label="Recent activity" className={styles.devices}>
          {activity.data.map((event) => (
            <li key={event.id} className={styles.device}>
              <div>
                <span className={styles.deviceName}>{WHAT[event.kind] ?? event.kind.replace(/_/g, " ")}</span>
                <span className={styles.deviceMeta}>
                  {format.dateTime(event.at)}
                  {event.userAgent ? ` · ${describeDevice(event.userAgent)}` : ""}
                  {event.ip ? ` · ${event.ip}` : ""}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
