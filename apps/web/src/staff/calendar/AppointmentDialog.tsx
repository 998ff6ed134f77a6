// One appointment opened from the calendar: when, who, how to reach them, and the moves the front
// desk makes all day (confirm, arrived, completed, no-show, cancel, reschedule). Every move is drawn
// on the calendar at once and undone with a message here if the server refuses it.
import { can, instantAt, isOpen, minutesOfTime, settableStatuses, STATUS_NAMES, timeOfMinutes, wallClockOf, type DateFormat, type SettableStatus } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import uiStyles from "../../ui/ui.module.css";
import type { CalendarAppointment } from "../types";
import { ClinicalNotes } from "../clinical-notes/ClinicalNotes";
import { useStaffSession } from "../StaffLayout";
import type { AppointmentChanges } from "./appointment-changes";
import styles from "./calendar.module.css";
import { AppointmentMessages } from "./AppointmentMessages";
import { IntakeAnswers } from "../intake/IntakeAnswers";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { FollowUpForm } from "./FollowUpForm";
import { SeriesScopeDialog, useSeriesChanges, type SeriesChange } from "./SeriesScopeDialog";

const ACTION_NAMES: Record<SettableStatus, string> = {
  confirmed: "Confirm",
  arrived: "Mark arrived",
  completed: "Mark completed",
  no_show: "Mark no-show",
};

type Mode = "details" | "cancel" | "reschedule" | "followUp";

export function AppointmentDialog({
  appointment,
  format,
  changes,
  canMove,
  onClose,
}: {
  /** As the calendar shows it now (optimistic changes included). */
  appointment: CalendarAppointment;
  format: DateFormat;
  changes: AppointmentChanges;
  /** Whether the member may move and cancel (the front desk); practitioners only set statuses. */
  canMove: boolean;
  onClose: () => void;
}) {
  const [mode, setMode] = useState<Mode>("details");
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string | null) => (saved: boolean) => {
    if (!saved) return;
    setDone(message);
    setMode("details");
  };
  const { t } = useStaffText();
  // An appointment of a series asks which ones a move or a cancellation reaches (ADR 0033).
  const trpc = useTRPC();
  const seriesId = useQuery(trpc.appointments.get.queryOptions({ id: appointment.id })).data?.seriesId ?? null;
  const series = useSeriesChanges(changes);
  const [asking, setAsking] = useState<SeriesChange | null>(null);
  const change = (next: SeriesChange) => {
    if (seriesId) return setAsking(next);
    void (next.kind === "move" ? changes.reschedule(appointment, next.to).then(finish("The appointment is moved.")) : changes.cancel(appointment, next.reason).then(finish("The appointment is cancelled.")));
  };

  const title = mode === "cancel" ? "Cancel appointment" : mode === "reschedule" ? "Reschedule appointment" : mode === "followUp" ? t("followup.title") : "Appointment";
  return (
    <Dialog title={title} onClose={onClose} size="wide">
      <p className={styles.dialogSummary}>
        <strong>{appointment.patientName}</strong> · {appointment.serviceName}
        <br />
        {format.dateTime(appointment.start)}–{format.time(appointment.end)}
      </p>
      {changes.refusal ? <ErrorNotice title="Change undone" message={changes.refusal} /> : null}
      {series.refusal ? <ErrorNotice title={t("series.scope.refusedTitle")} message={series.refusal} /> : null}
      {asking ? (
        <SeriesScopeDialog
          change={asking}
          pending={series.pending}
          onClose={() => setAsking(null)}
          onChoose={(scope) => {
            const chosen = asking;
            setAsking(null);
            void series.apply(appointment, chosen, scope).then((count) => {
              if (count === null) return;
              const moved = chosen.kind === "move";
              finish(count === 1 ? (moved ? "The appointment is moved." : "The appointment is cancelled.") : t(moved ? "series.scope.moved" : "series.scope.cancelled", { n: count }))(true);
            });
          }}
        />
      ) : null}
      {done && !changes.refusal ? <p role="status">{done}</p> : null}
      {mode === "cancel" ? (
        <CancelForm
          pending={changes.pending}
          onBack={() => setMode("details")}
          onCancel={(reason) => change({ kind: "cancel", reason })}
        />
      ) : mode === "reschedule" ? (
        <RescheduleForm
          appointment={appointment}
          timeZone={format.timeZone}
          pending={changes.pending}
          onBack={() => setMode("details")}
          onMove={(to) => change({ kind: "move", to })}
        />
      ) : mode === "followUp" ? (
        <FollowUpForm appointment={appointment} format={format} onBack={() => setMode("details")} onBooked={(message) => finish(message)(true)} />
      ) : (
        <>
          <Details
            appointment={appointment}
            format={format}
            pending={changes.pending}
            movable={canMove && isOpen(appointment.status)}
            onStatus={(status) => void changes.setStatus(appointment, status).then(finish(`Marked ${STATUS_NAMES[status].toLowerCase()}.`))}
            onMode={(next) => {
              setDone(null);
              changes.dismissRefusal();
              series.dismiss();
              setMode(next);
            }}
          />
          {canMove && appointment.status !== "cancelled" ? (
            <div className={uiStyles.actions}>
              <Button
                variant="secondary"
                onClick={() => {
                  setDone(null);
                  setMode("followUp");
                }}
              >
                {t("followup.open")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Dialog>
  );
}

function Details({
  appointment,
  format,
  pending,
  movable,
  onStatus,
  onMode,
}: {
  appointment: CalendarAppointment;
  format: DateFormat;
  pending: boolean;
  movable: boolean;
  onStatus: (status: SettableStatus) => void;
  onMode: (mode: Mode) => void;
}) {
  const trpc = useTRPC();
  const details = useQuery(trpc.appointments.get.queryOptions({ id: appointment.id }));
  const statuses = settableStatuses(appointment.status);
  const { membership } = useStaffSession();
  // The service's note template (its section headings), for a new note on this appointment.
  const services = useQuery({ ...trpc.services.list.queryOptions(), enabled: can(membership.role, "notes.list") });
  const noteSections = services.data?.find((s) => s.id === appointment.serviceId)?.noteSections ?? [];

  return (
    <>
      <dl className={styles.details}>
        <dt>Status</dt>
        <dd data-status={appointment.status}>{STATUS_NAMES[appointment.status]}</dd>
        <dt>Practitioner</dt>
        <dd>{details.data?.practitionerName ?? "…"}</dd>
        <dt>Booked</dt>
        <dd>{appointment.source === "online" ? "Online by the patient" : "By the clinic"}</dd>
        {details.data?.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{details.data.notes}</dd>
          </>
        ) : null}
        {details.data?.cancelReason ? (
          <>
            <dt>Reason for cancelling</dt>
            <dd>{details.data.cancelReason}</dd>
          </>
        ) : null}
      </dl>

      <h3 className={styles.subheading}>Patient</h3>
      {details.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading the patient's details…</span>
          <Skeleton height="4rem" />
        </div>
      ) : details.isError ? (
        <ErrorNotice title="The patient's details could not be loaded" message={describeFailure(details.error).message} onRetry={() => void details.refetch()} />
      ) : (
        <dl className={styles.details}>
          <dt>Name</dt>
          <dd>
            <Link to="/app/patients/$patientId" params={{ patientId: details.data.patient.id }}>
              {details.data.patient.fullName}
            </Link>{" "}
            <span className={styles.muted}>(record and history)</span>
          </dd>
          <dt>Phone</dt>
          <dd>{details.data.patient.phone ? <a href={`tel:${details.data.patient.phone.replace(/[^\d+]/g, "")}`}>{details.data.patient.phone}</a> : "Not given"}</dd>
          <dt>E-mail</dt>
          <dd>{details.data.patient.email ? <a href={`mailto:${details.data.patient.email}`}>{details.data.patient.email}</a> : "Not given"}</dd>
          {details.data.patient.dateOfBirth ? (
            <>
              <dt>Date of birth</dt>
              <dd>{format.date(details.data.patient.dateOfBirth)}</dd>
            </>
          ) : null}
        </dl>
      )}

      {details.data && can(membership.role, "notes.list") ? (
        <>
          <h3 className={styles.subheading}>Clinical notes</h3>
          <ClinicalNotes patientId={details.data.patient.id} appointmentId={appointment.id} sections={noteSections} format={format} />
        </>
      ) : null}
      {can(membership.role, "intake.answers") ? <IntakeAnswers appointmentId={appointment.id} format={format} /> : null}
      <AppointmentMessages appointmentId={appointment.id} format={format} />

      {statuses.length > 0 || movable ? (
        <div className={uiStyles.actions} role="group" aria-label="Actions">
          {statuses.map((status) => (
            <Button key={status} variant={status === "no_show" ? "secondary" : "primary"} disabled={pending} onClick={() => onStatus(status)}>
              {ACTION_NAMES[status]}
            </Button>
          ))}
          {movable ? (
            <>
              <Button variant="secondary" disabled={pending} onClick={() => onMode("reschedule")}>
                Reschedule…
              </Button>
              <Button variant="danger" disabled={pending} onClick={() => onMode("cancel")}>
                Cancel appointment…
              </Button>
            </>
          ) : null}
        </div>
      ) : (
        <p className={styles.muted}>This appointment is {STATUS_NAMES[appointment.status].toLowerCase()}: nothing more to do.</p>
      )}
    </>
  );
}

function CancelForm({ pending, onBack, onCancel }: { pending: boolean; onBack: () => void; onCancel: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError("Say why (the patient may ask)");
    setError(undefined);
    onCancel(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextAreaField label="Reason" autoFocus hint="Kept with the appointment; the patient may ask." value={reason} error={error} onChange={(event) => setReason(event.target.value)} />
      <div className={uiStyles.actions}>
        <Button type="submit" variant="danger" disabled={pending}>
          Cancel the appointment
        </Button>
        <Button variant="secondary" onClick={onBack}>
          Keep it
        </Button>
      </div>
    </form>
  );
}

function RescheduleForm({
  appointment,
  timeZone,
  pending,
  onBack,
  onMove,
}: {
  appointment: CalendarAppointment;
  timeZone: string;
  pending: boolean;
  onBack: () => void;
  onMove: (to: { start: string; practitionerId: string }) => void;
}) {
  const trpc = useTRPC();
  const practitioners = useQuery(trpc.practitioners.list.queryOptions());
  const current = wallClockOf(appointment.start, timeZone);
  const [date, setDate] = useState(current.date);
  const [time, setTime] = useState(timeOfMinutes(current.minutes));
  const [practitionerId, setPractitionerId] = useState(appointment.practitionerId);
  const [errors, setErrors] = useState<{ date?: string; time?: string }>({});
  // Only practitioners who offer this appointment's service can take it over.
  const candidates = (practitioners.data ?? []).filter((p) => p.id === appointment.practitionerId || p.serviceIds.includes(appointment.serviceId));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = minutesOfTime(time);
    const found = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: "Enter a date" }),
      ...(minutes === null ? { time: "Enter a time such as 09:30" } : {}),
    };
    setErrors(found);
    if (found.date || found.time || minutes === null) return;
    onMove({ start: instantAt(date, minutes, timeZone), practitionerId });
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className={styles.when}>
        <TextField label="New date" autoFocus type="date" value={date} error={errors.date} onChange={(event) => setDate(event.target.value)} />
        <TextField label="New start" hint={`Clinic time (${timeZone})`} type="time" step={300} value={time} error={errors.time} onChange={(event) => setTime(event.target.value)} />
      </div>
      <SelectField label="Practitioner" value={practitionerId} disabled={practitioners.isPending} onChange={(event) => setPractitionerId(event.target.value)}>
        {candidates.length === 0 ? <option value={appointment.practitionerId}>Unchanged</option> : null}
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
      <div className={uiStyles.actions}>
        <Button type="submit" disabled={pending}>
          Move the appointment
        </Button>
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
      </div>
    </form>
  );
}
