// The two links at the bottom of a patient's messages: /confirm/:token ("I'm coming", from a
// reminder) and /opt-out/:token (no more messages on that channel). Each acts on a click, not
// on opening: mail scanners open links to check them, and must not confirm or unsubscribe anyone.
import { useMutation } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { ErrorNotice, SuccessNotice } from "../ui/Notice";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

const CHANNEL_NAMES = { email: "link.optOut.channel.email", sms: "link.optOut.channel.sms", whatsapp: "link.optOut.channel.whatsapp" } as const;

export function ConfirmAppointmentPage() {
  const { token } = useParams({ from: "/confirm/$token" });
  const trpc = useTRPC();
  const { t } = usePatientText();
  const confirm = useMutation(trpc.public.booking.confirm.mutationOptions());
  return (
    <main className={styles.panel}>
      <h1>{t("link.confirm.heading")}</h1>
      {confirm.data ? (
        <SuccessNotice title={t("link.confirm.confirmed", { clinic: confirm.data.appointment.clinicName })} />
      ) : confirm.error ? (
        <ErrorNotice title={t("link.confirm.failed")} message={patientFailureMessage(describeFailure(confirm.error), t)} />
      ) : (
        <div className={ui.actions}>
          <Button onClick={() => confirm.mutate({ token })} disabled={confirm.isPending}>
            {t("link.confirm.button")}
          </Button>
        </div>
      )}
      <p>
        {t("link.confirm.cannotCome")}{" "}
        <Link to="/booking/$token" params={{ token }}>
          {t("link.confirm.manage")}
        </Link>
        .
      </p>
    </main>
  );
}

export function OptOutPage() {
  const { token } = useParams({ from: "/opt-out/$token" });
  const trpc = useTRPC();
  const { t } = usePatientText();
  const optOut = useMutation(trpc.public.notifications.optOut.mutationOptions());
  return (
    <main className={styles.panel}>
      <h1>{t("link.optOut.heading")}</h1>
      {optOut.data ? (
        <SuccessNotice title={t("link.optOut.done", { clinic: optOut.data.clinicName, channel: t(CHANNEL_NAMES[optOut.data.channel]) })} />
      ) : optOut.error ? (
        <ErrorNotice title={t("link.failed")} message={patientFailureMessage(describeFailure(optOut.error), t)} />
      ) : (
        <div className={ui.actions}>
          <Button onClick={() => optOut.mutate({ token })} disabled={optOut.isPending}>
            {t("link.optOut.button")}
          </Button>
        </div>
      )}
    </main>
  );
}
