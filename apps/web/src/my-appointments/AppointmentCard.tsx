// One appointment of the patient's list: when, what, with whom and its status; moving and
// cancelling while the clinic's notice allows (the server decides, with the manage link's rules),
// and booking the same again.
import { isOpen, todayIn } from "@frontdesk/domain";
import type { RouterOutputs } from "@frontdesk/api";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeFailure, type Failure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import type { PublicClinic, Slot } from "../api/types";
import { ClinicPhone } from "../booking/ClinicPhone";
import { CancelForm, MoveConfirm, useStatusLabels } from "../manage/AppointmentChanges";
import { SlotPicker } from "../booking/SlotPicker";
import { useEnvironment } from "../environment";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientFormats, usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { ErrorNotice } from "../ui/Notice";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

export type MyAppointment = RouterOutputs["myAppointments"]["list"]["upcoming"][number];

type Mode = { kind: "view" } | { kind: "cancel" } | { kind: "move" } | { kind: "confirm-move"; slot: Slot };

interface Props {
  clinic: PublicClinic;
  appointment: MyAppointment;
  onChanged: (message: string) => Promise<void>;
  onBookAgain: (appointment: MyAppointment) => void;
}

export function AppointmentCard({ clinic, appointment, onChanged, onBookAgain }: Props) {
  const trpc = useTRPC();
  const env = useEnvironment();
  const { t } = usePatientText();
  const { fmt, duration } = usePatientFormats(clinic);
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [failure, setFailure] = useState<Failure>();
  const clinicSlug = clinic.slug;
  const cancel = useMutation(
    trpc.myAppointments.cancel.mutationOptions({
      onSuccess: async () => {
        setMode({ kind: "view" });
        await onChanged(t("manage.cancelled"));
      },
      onError: (error) => setFailure(describeFailure(error)),
    }),
  );
  const move = useMutation(
    trpc.myAppointments.reschedule.mutationOptions({
      onSuccess: async (answer) => {
        setMode({ kind: "view" });
        await onChanged(t("manage.moved", { when: fmt.dateTime(answer.appointment.start) }));
      },
      onError: (error) => setFailure(describeFailure(error)),
    }),
  );
  const begin = (next: Mode) => {
    setFailure(undefined);
    setMode(next);
  };
  const upcoming = new Date(appointment.start).getTime() > env.now().getTime();
  const tooLate = upcoming && isOpen(appointment.status) && !appointment.canChange;
  const statusLabels = useStatusLabels();
  const deadline = fmt.dateTime(appointment.changeableUntil);
  const notice = duration(clinic.policy.cancellationNoticeMinutes);

  return (
    <li className={styles.details} aria-label={fmt.dateTime(appointment.start)}>
      <p>
        <strong>{fmt.dateTime(appointment.start)}</strong>
      </p>
      <p>{t("my.serviceWith", { service: appointment.serviceName, practitioner: appointment.practitionerName })}</p>
      <p className={ui.hint}>{t("my.status", { status: statusLabels[appointment.status] })}</p>
      {appointment.canChange ? <p className={ui.hint}>{t("my.changeUntil", { deadline })}</p> : null}
      {tooLate ? (
        <p className={ui.hint}>
          {t("manage.tooLateRule", { clinic: clinic.name, notice, deadline })} <ClinicPhone clinic={clinic} />
        </p>
      ) : null}
      {failure ? (
        <ErrorNotice
          title={failure.kind === "conflict" ? t("manage.taken") : t("manage.failed")}
          message={
            failure.kind === "conflict"
              ? t("manage.chooseAnotherTime")
              : failure.kind === "refused" || failure.kind === "invalid"
                ? t("manage.tooLateRule", { clinic: clinic.name, notice, deadline })
                : patientFailureMessage(failure, t)
          }
        />
      ) : null}
      {mode.kind === "view" ? (
        <div className={ui.actions}>
          {appointment.canChange ? (
            <>
              <Button variant="secondary" onClick={() => begin({ kind: "move" })}>
                {t("manage.move")}
              </Button>
              <Button variant="danger" onClick={() => begin({ kind: "cancel" })}>
                {t("manage.cancel")}
              </Button>
            </>
          ) : null}
          <Button variant="link" onClick={() => onBookAgain(appointment)}>
            {t("my.bookAgain")}
          </Button>
        </div>
      ) : null}
      {mode.kind === "cancel" ? (
        <CancelForm
          pending={cancel.isPending}
          onKeep={() => begin({ kind: "view" })}
          onCancel={(reason) => cancel.mutate({ clinicSlug, appointmentId: appointment.id, ...(reason ? { reason } : {}) })}
        />
      ) : null}
      {mode.kind === "move" ? (
        <>
          <SlotPicker
            clinicSlug={clinicSlug}
            serviceId={appointment.serviceId}
            practitionerId={appointment.practitionerId}
            horizonDays={clinic.policy.horizonDays}
            fmt={fmt}
            today={todayIn(clinic.timezone, env.now())}
            selected={undefined}
            onSelect={(slot) => begin({ kind: "confirm-move", slot })}
          />
          <div className={ui.actions}>
            <Button variant="link" onClick={() => begin({ kind: "view" })}>
              {t("manage.keepTime")}
            </Button>
          </div>
        </>
      ) : null}
      {mode.kind === "confirm-move" ? (
        <MoveConfirm
          fmt={fmt}
          from={appointment.start}
          slot={mode.slot}
          pending={move.isPending}
          onConfirm={() => move.mutate({ clinicSlug, appointmentId: appointment.id, start: mode.slot.start, practitionerId: appointment.practitionerId })}
          onChooseAnother={() => begin({ kind: "move" })}
        />
      ) : null}
    </li>
  );
}
