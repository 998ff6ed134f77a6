// What the clinic sent this appointment's patient, with each message's state (queued, sent,
// delivered, failed with its reason, retrying at ...): notifications.messages.forAppointment.
import type { RouterOutputs } from "@frontdesk/api";
import type { DateFormat } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import styles from "./calendar.module.css";

type Message = RouterOutputs["notifications"]["messages"]["forAppointment"][number];

const KIND_NAMES: Record<Message["kind"], string> = {
  confirmation: "Confirmation",
  rescheduled: "Change notice",
  cancelled: "Cancellation notice",
  reminder: "Reminder",
  staff_new_booking: "Notice to staff",
  waitlist_offer: "Waitlist offer",
  waitlist_gone: "Waitlist time taken",
};
const CHANNEL_NAMES: Record<Message["channel"], string> = { email: "e-mail", sms: "SMS", whatsapp: "WhatsApp" };

function stateOf(message: Message, format: DateFormat): string {
  const reason = message.failureReason ? `: ${message.failureReason}` : "";
  switch (message.status) {
    case "queued":
      return `Queued, sends ${format.dateTime(message.sendAt)}`;
    case "sending":
      return "Sending";
    case "sent":
      return message.sentAt ? `Sent ${format.dateTime(message.sentAt)}` : "Sent";
    case "delivered":
      return message.deliveredAt ? `Delivered ${format.dateTime(message.deliveredAt)}` : "Delivered";
    case "retrying":
      return message.nextAttemptAt ? `Retrying at ${format.dateTime(message.nextAttemptAt)}${reason}` : `Retrying${reason}`;
    case "failed":
      return `Failed${reason}`;
    case "skipped":
      return `Not sent${reason}`;
  }
}

const IN_FLIGHT_REFRESH_MS = 3_000;
const inFlight = (m: Message) => m.status === "sending" || (m.status === "queued" && Date.parse(m.sendAt) <= Date.now());

export function AppointmentMessages({ appointmentId, format }: { appointmentId: string; format: DateFormat }) {
  const trpc = useTRPC();
  const messages = useQuery({
    ...trpc.notifications.messages.forAppointment.queryOptions({ appointmentId }),
    // A message due now is seconds from sent (or failed): look again until none is in flight.
    refetchInterval: (query) => (query.state.data?.some(inFlight) ? IN_FLIGHT_REFRESH_MS : false),
  });
  return (
    <section aria-labelledby="appointment-messages-heading">
      <h3 id="appointment-messages-heading" className={styles.subheading}>
        Messages
      </h3>
      {messages.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading the messages…</span>
          <Skeleton height="2rem" />
        </div>
      ) : messages.isError ? (
        <ErrorNotice title="The messages could not be loaded" message={describeFailure(messages.error).message} onRetry={() => void messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <p className={styles.muted}>No messages for this appointment.</p>
      ) : (
        <ul aria-label="Messages to the patient" className={styles.messages}>
          {messages.data.map((m) => (
            <li key={m.id} data-status={m.status}>
              <strong>
                {KIND_NAMES[m.kind]} by {CHANNEL_NAMES[m.channel]}
              </strong>{" "}
              · {stateOf(m, format)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
