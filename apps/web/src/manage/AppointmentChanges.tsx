// What the manage page (/booking/:token) and the patient's list (My appointments) say and offer
// alike about one appointment: its status's name, the cancel form, and the move's last check.
// Each page keeps its own calls to the server; these only draw.
import type { DateFormat } from "@frontdesk/domain";
import { useState, type ReactNode } from "react";
import type { ManagedBooking, Slot } from "../api/types";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { TextAreaField } from "../ui/Field";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";

type AppointmentStatus = ManagedBooking["appointment"]["status"];

/** Each status's name in the patient's language. */
export function useStatusLabels(): Record<AppointmentStatus, string> {
  const { t } = usePatientText();
  return {
    booked: t("manage.status.booked"),
    confirmed: t("manage.status.confirmed"),
    arrived: t("manage.status.arrived"),
    completed: t("manage.status.completed"),
    cancelled: t("manage.status.cancelled"),
    no_show: t("manage.status.no_show"),
  };
}

/** An optional reason, then cancel or keep. With a `heading`, the form opens as a step of its own. */
export function CancelForm({ pending, onCancel, onKeep, heading }: { pending: boolean; onCancel: (reason: string) => void; onKeep: () => void; heading?: string }) {
  const { t } = usePatientText();
  const [reason, setReason] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onCancel(reason.trim());
      }}
      style={heading ? { marginTop: "1.5rem" } : undefined}
    >
      {heading ? <StepHeading>{heading}</StepHeading> : null}
      <TextAreaField label={t("manage.reason")} hint={t("manage.reasonHint")} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      <div className={ui.actions}>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("manage.cancelling") : t("manage.cancelConfirm")}
        </Button>
        <Button variant="secondary" onClick={onKeep}>
          {t("manage.keep")}
        </Button>
      </div>
    </form>
  );
}

/** "From … to …" for the chosen time (with `after` closing the sentence), then move or choose again. */
export function MoveConfirm(props: { fmt: DateFormat; from: string; slot: Slot; after?: ReactNode; pending: boolean; onConfirm: () => void; onChooseAnother: () => void }) {
  const { t } = usePatientText();
  return (
    <>
      <p>
        {t("manage.moveFromTo", { from: props.fmt.dateTime(props.from) })} <strong>{props.fmt.dateTime(props.slot.start)}</strong>
        {props.after}
      </p>
      <div className={ui.actions}>
        <Button disabled={props.pending} onClick={props.onConfirm}>
          {props.pending ? t("manage.moving") : t("manage.moveConfirm")}
        </Button>
        <Button variant="secondary" onClick={props.onChooseAnother}>
          {t("manage.chooseAnother")}
        </Button>
      </div>
    </>
  );
}
