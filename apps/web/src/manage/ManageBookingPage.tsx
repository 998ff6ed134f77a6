// /booking/:token — the patient's own page for one appointment: see it, cancel it, or move it
// (reusing the day and time steps), with the clinic's cancellation rule stated up front.
import { formatDuration, todayIn, type DateFormat } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { describeFailure, type Failure } from "../api/failure";
import { useManageTitle } from "./ManageBookingStates";
import type { ManagedBooking, Slot } from "../api/types";
import { useTRPC } from "../api/trpc";
import { SlotPicker } from "../booking/SlotPicker";
import { useEnvironment } from "../environment";
import { useDateFormat } from "../lib/useDateFormat";
import { Button } from "../ui/Button";
import { TextAreaField } from "../ui/Field";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

export function ManageBookingPage() {
  const { token } = useParams({ from: "/booking/$token" });
  const trpc = useTRPC();
  const booking = useSuspenseQuery(trpc.public.booking.get.queryOptions({ token }));
  useManageTitle();
  return <ManageBooking token={token} booking={booking.data} />;
}

type Mode = { kind: "view" } | { kind: "cancel" } | { kind: "move" } | { kind: "confirm-move"; slot: Slot };

function ManageBooking({ token, booking }: { token: string; booking: ManagedBooking }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const env = useEnvironment();
  const { appointment, clinic } = booking;
  const fmt = useDateFormat(clinic.locale, clinic.timezone);
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<Failure>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.public.booking.get.queryKey({ token }) });

  const cancel = useMutation(
    trpc.public.booking.cancel.mutationOptions({
      onSuccess: async () => {
        setMode({ kind: "view" });
        setDone("Your appointment is cancelled. The clinic has been told.");
        await refresh();
      },
      onError: (error) => setFailure(describeFailure(error)),
    }),
  );
  const move = useMutation(
    trpc.public.booking.reschedule.mutationOptions({
      onSuccess: async (answer) => {
        setMode({ kind: "view" });
        setDone(`Your appointment is moved to ${fmt.dateTime(answer.appointment.start)}.`);
        await refresh();
      },
      onError: (error) => setFailure(describeFailure(error)),
    }),
  );

  const cancelled = appointment.status === "cancelled";
  const patientTime = fmt.patientDateTime(appointment.start);

  return (
    <>
      <h1>Your appointment at {clinic.name}</h1>
      {done ? <SuccessNotice title={done} /> : null}
      <div className={styles.layout}>
        <div className={styles.panel}>
          <div className={styles.details}>
            <dl>
              <dt>Service</dt>
              <dd>{appointment.serviceName}</dd>
              <dt>With</dt>
              <dd>{appointment.practitionerName}</dd>
              <dt>When</dt>
              <dd>
                {fmt.dateTime(appointment.start)}
                {patientTime ? (
                  <>
                    <br />
                    <span className={ui.hint}>
                      {patientTime} your time ({fmt.patientTimeZone})
                    </span>
                  </>
                ) : null}
              </dd>
              {clinic.address ? (
                <>
                  <dt>Where</dt>
                  <dd>{clinic.address}</dd>
                </>
              ) : null}
              <dt>Status</dt>
              <dd>{statusLabel(appointment.status)}</dd>
            </dl>
          </div>
          <CancellationRule booking={booking} fmt={fmt} />
          {failure ? <ManageFailure failure={failure} fmt={fmt} /> : null}
          {!cancelled && booking.canChange && mode.kind === "view" ? (
            <div className={ui.actions}>
              <Button
                variant="secondary"
                onClick={() => {
                  setFailure(undefined);
                  setDone(undefined);
                  setMode({ kind: "move" });
                }}
              >
                Move to another time
              </Button>
              <Button
                variant="danger"
                onClick={() => {
                  setFailure(undefined);
                  setDone(undefined);
                  setMode({ kind: "cancel" });
                }}
              >
                Cancel appointment
              </Button>
            </div>
          ) : null}
          {mode.kind === "cancel" ? (
            <CancelForm pending={cancel.isPending} onKeep={() => setMode({ kind: "view" })} onCancel={(reason) => cancel.mutate({ token, ...(reason ? { reason } : {}) })} />
          ) : null}
        </div>
      </div>
      {mode.kind === "move" || mode.kind === "confirm-move" ? (
        <div className={styles.panel} style={{ marginTop: "1.5rem" }}>
          {mode.kind === "move" ? (
            <>
              <MovePicker booking={booking} fmt={fmt} today={todayIn(clinic.timezone, env.now())} onSelect={(slot) => setMode({ kind: "confirm-move", slot })} />
              <div className={ui.actions}>
                <Button variant="link" onClick={() => setMode({ kind: "view" })}>
                  Keep the current time
                </Button>
              </div>
            </>
          ) : (
            <>
              <StepHeading>Move your appointment?</StepHeading>
              <p>
                From {fmt.dateTime(appointment.start)} to <strong>{fmt.dateTime(mode.slot.start)}</strong>
                {fmt.patientTime(mode.slot.start) ? ` (${fmt.patientDateTime(mode.slot.start)} your time)` : ""}.
              </p>
              <div className={ui.actions}>
                <Button disabled={move.isPending} onClick={() => move.mutate({ token, start: mode.slot.start, practitionerId: appointment.practitionerId })}>
                  {move.isPending ? "Moving…" : "Move appointment"}
                </Button>
                <Button variant="secondary" onClick={() => setMode({ kind: "move" })}>
                  Choose another time
                </Button>
              </div>
            </>
          )}
        </div>
      ) : null}
    </>
  );
}

/** The move reuses the booking page's day and time steps, within the clinic's booking horizon. */
function MovePicker({ booking, fmt, today, onSelect }: { booking: ManagedBooking; fmt: DateFormat; today: string; onSelect: (slot: Slot) => void }) {
  const trpc = useTRPC();
  const clinic = useQuery(trpc.public.clinic.queryOptions({ clinicSlug: booking.clinic.slug }));
  if (clinic.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="visually-hidden">
          Loading free times…
        </p>
        <Skeleton height="18rem" />
      </div>
    );
  }
  if (clinic.isError) {
    return <ErrorNotice title="Free times could not be loaded" message={describeFailure(clinic.error).message} onRetry={() => void clinic.refetch()} />;
  }
  return (
    <SlotPicker
      clinicSlug={booking.clinic.slug}
      serviceId={booking.appointment.serviceId}
      practitionerId={booking.appointment.practitionerId}
      horizonDays={clinic.data.policy.horizonDays}
      fmt={fmt}
      today={today}
      selected={undefined}
      onSelect={onSelect}
    />
  );
}

function statusLabel(status: ManagedBooking["appointment"]["status"]): string {
  switch (status) {
    case "booked":
      return "Booked";
    case "confirmed":
      return "Confirmed";
    case "arrived":
      return "Arrived";
    case "completed":
      return "Completed";
    case "cancelled":
      return "Cancelled";
    case "no_show":
      return "Missed";
  }
}

function CancellationRule({ booking, fmt }: { booking: ManagedBooking; fmt: DateFormat }) {
  const notice = formatDuration(booking.clinic.cancellationNoticeMinutes);
  if (booking.appointment.status === "cancelled") return <EmptyNotice title="This appointment is cancelled" />;
  if (booking.canChange) {
    return (
      <p>
        {booking.clinic.name} asks for {notice} notice: you can move or cancel online until <strong>{fmt.dateTime(booking.changeableUntil)}</strong>.
      </p>
    );
  }
  return (
    <EmptyNotice title="This appointment can no longer be changed online">
      <p>
        {booking.clinic.name} asks for {notice} notice: online changes were possible until {fmt.dateTime(booking.changeableUntil)}. Please call the clinic.
      </p>
    </EmptyNotice>
  );
}

function CancelForm({ pending, onCancel, onKeep }: { pending: boolean; onCancel: (reason: string) => void; onKeep: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onCancel(reason.trim());
      }}
      style={{ marginTop: "1.5rem" }}
    >
      <StepHeading>Cancel this appointment?</StepHeading>
      <TextAreaField label="Reason (optional)" hint="Helps the clinic; not required." value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      <div className={ui.actions}>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Cancelling…" : "Yes, cancel it"}
        </Button>
        <Button variant="secondary" onClick={onKeep}>
          Keep my appointment
        </Button>
      </div>
    </form>
  );
}

function ManageFailure({ failure, fmt }: { failure: Failure; fmt: DateFormat }) {
  if (failure.kind === "conflict") {
    return (
      <ErrorNotice
        title="That time was just taken"
        message={
          failure.nextSlots.length > 0
            ? `Still free that day: ${failure.nextSlots.map((s) => fmt.time(s.start)).join(", ")}. Choose another time.`
            : "Choose another time."
        }
      />
    );
  }
  // A refusal inside the notice window says until when changes were allowed: show it as is.
  return <ErrorNotice title="That did not work" message={failure.message} />;
}
