// Webhook deliveries with their state, and a retry for the ones that failed or wait for another
// attempt. Used by the webhooks page (every recent delivery) and the failures page (problems only).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { describeFailure, summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { EmptyNotice, ErrorNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import { useStaffSession } from "../StaffLayout";
import type { WebhookDelivery } from "./types";
import { DELIVERY_STATUS_LABELS, eventLabel } from "./webhook-labels";
import styles from "./settings.module.css";

const STAFF_LOCALE = "en-GB";

export function WebhookDeliveries({ problemsOnly, urls }: { problemsOnly: boolean; urls: Record<string, string> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { membership } = useStaffSession();
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const deliveries = useQuery(trpc.clinic.webhooks.deliveries.queryOptions({ problemsOnly, limit: 50 }));
  const retry = useMutation(
    trpc.clinic.webhooks.retryDelivery.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.clinic.webhooks.deliveries.pathKey() }) }),
  );

  if (deliveries.isPending) return <Loading label="Loading the deliveries…" />;
  if (deliveries.isError) return <ErrorNotice title="The deliveries could not be loaded" message={describeFailure(deliveries.error).message} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.length === 0) return <EmptyNotice title={problemsOnly ? "No failed webhook deliveries" : "Nothing delivered yet"} />;

  const stateOf = (d: WebhookDelivery) => {
    if (d.status === "retrying" && d.nextAttemptAt) return `Retrying at ${format.dateTime(d.nextAttemptAt)}${d.lastError ? `: ${d.lastError}` : ""}`;
    if (d.status === "failed") return `Failed${d.lastError ? `: ${d.lastError}` : ""}`;
    if (d.status === "delivered" && d.deliveredAt) return `Delivered ${format.dateTime(d.deliveredAt)}`;
    return DELIVERY_STATUS_LABELS[d.status];
  };

  return (
    <div className={styles.tableWrap}>
      {retry.isError ? <ErrorNotice title="Not sent again" message={summarizeFailure(retry.error)} /> : null}
      <table className={styles.table}>
        <caption className="visually-hidden">{problemsOnly ? "Failed webhook deliveries" : "Recent webhook deliveries"}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Endpoint</th>
            <th scope="col">When</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => (
            <tr key={d.id}>
              <td>{eventLabel(d.eventType)}</td>
              <td>{urls[d.endpointId] ?? "(deleted)"}</td>
              <td>{format.dateTime(d.createdAt)}</td>
              <td>
                {stateOf(d)}
                {d.responseStatus !== null && d.status !== "delivered" ? ` (HTTP ${d.responseStatus})` : ""}
              </td>
              <td>{d.attempts}</td>
              <td>
                {d.status === "failed" || d.status === "retrying" ? (
                  <Button variant="secondary" disabled={retry.isPending} onClick={() => retry.mutate({ deliveryId: d.id })} aria-label={`Retry ${eventLabel(d.eventType)} of ${format.dateTime(d.createdAt)}`}>
                    Retry now
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
