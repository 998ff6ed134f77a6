// What did not reach its recipient: patient messages that failed for good, and webhook deliveries
// that failed or wait for another attempt, each with a retry.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { describeFailure, summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { EmptyNotice, ErrorNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import { useStaffSession } from "../StaffLayout";
import { WebhookDeliveries } from "./WebhookDeliveries";
import styles from "./settings.module.css";

const KINDS: Record<string, string> = { confirmation: "Confirmation", rescheduled: "Change notice", cancelled: "Cancellation notice", reminder: "Reminder", staff_new_booking: "Notice to staff" };
const CHANNELS: Record<string, string> = { email: "e-mail", sms: "SMS", whatsapp: "WhatsApp" };

export function FailuresPage() {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.clinic.webhooks.list.queryOptions());
  const urls = Object.fromEntries((endpoints.data ?? []).map((e) => [e.id, e.url]));
  return (
    <section aria-labelledby="failures-heading">
      <h2 id="failures-heading">Failed deliveries</h2>
      <h3>Messages to patients</h3>
      <FailedMessages />
      <h3>Webhooks</h3>
      <WebhookDeliveries problemsOnly urls={urls} />
    </section>
  );
}

function FailedMessages() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { membership } = useStaffSession();
  const format = useDateFormat("en-GB", membership.timezone);
  const failed = useQuery(trpc.notifications.messages.failed.queryOptions({ limit: 50 }));
  const retry = useMutation(trpc.notifications.messages.retry.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.messages.failed.queryKey() }) }));
  if (failed.isPending) return <Loading label="Loading the failed messages…" />;
  if (failed.isError) return <ErrorNotice title="The failed messages could not be loaded" message={describeFailure(failed.error).message} onRetry={() => void failed.refetch()} />;
  if (failed.data.length === 0) return <EmptyNotice title="No failed messages" />;
  return (
    <>
      {retry.isError ? <ErrorNotice title="Not sent again" message={summarizeFailure(retry.error)} /> : null}
      <ul className={styles.list} aria-label="Failed messages">
        {failed.data.map((m) => (
          <li key={m.id} className={styles.row}>
            <div className={styles.rowMain}>
              <strong>
                {KINDS[m.kind] ?? m.kind} by {CHANNELS[m.channel] ?? m.channel}
              </strong>{" "}
              · {format.dateTime(m.createdAt)} · Failed{m.failureReason ? `: ${m.failureReason}` : ""}
            </div>
            <div className={styles.rowActions}>
              <Button variant="secondary" disabled={retry.isPending} onClick={() => retry.mutate({ messageId: m.id })}>
                Send again
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
