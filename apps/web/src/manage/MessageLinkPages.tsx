// The two links at the bottom of a patient's messages: /confirm/:token ("I'm coming", from a
// reminder) and /opt-out/:token (no more messages on that channel). Each acts on a click, not
// on opening: mail scanners open links to check them, and must not confirm or unsubscribe anyone.
import { useMutation } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { ErrorNotice, SuccessNotice } from "../ui/Notice";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

const CHANNEL_NAMES = { email: "e-mails", sms: "text messages", whatsapp: "WhatsApp messages" } as const;

export function ConfirmAppointmentPage() {
  const { token } = useParams({ from: "/confirm/$token" });
  const trpc = useTRPC();
  const confirm = useMutation(trpc.public.booking.confirm.mutationOptions());
  return (
    <main className={styles.panel}>
      <h1>Confirm your appointment</h1>
      {confirm.data ? (
        <SuccessNotice title={`Thank you: your appointment at ${confirm.data.appointment.clinicName} is confirmed.`} />
      ) : confirm.error ? (
        <ErrorNotice title="This appointment could not be confirmed" message={describeFailure(confirm.error).message} />
      ) : (
        <div className={ui.actions}>
          <Button onClick={() => confirm.mutate({ token })} disabled={confirm.isPending}>
            I will come
          </Button>
        </div>
      )}
      <p>
        Cannot make it? <Link to="/booking/$token" params={{ token }}>Cancel or move the appointment</Link>.
      </p>
    </main>
  );
}

export function OptOutPage() {
  const { token } = useParams({ from: "/opt-out/$token" });
  const trpc = useTRPC();
  const optOut = useMutation(trpc.public.notifications.optOut.mutationOptions());
  return (
    <main className={styles.panel}>
      <h1>Stop these messages</h1>
      {optOut.data ? (
        <SuccessNotice title={`${optOut.data.clinicName} will send you no more ${CHANNEL_NAMES[optOut.data.channel]}.`} />
      ) : optOut.error ? (
        <ErrorNotice title="This link did not work" message={describeFailure(optOut.error).message} />
      ) : (
        <div className={ui.actions}>
          <Button onClick={() => optOut.mutate({ token })} disabled={optOut.isPending}>
            Send me no more of these
          </Button>
        </div>
      )}
    </main>
  );
}
