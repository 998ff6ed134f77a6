// /booking/:token — the patient's own page for one appointment: see it, cancel it, or move it
// (reusing the day and time steps), with the clinic's cancellation rule stated up front.
import { ClinicPhone } from "../booking/ClinicPhone";
import { ClinicMapLink } from "./ClinicMapLink";
import { todayIn, type DateFormat } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { lazy, Suspense, useState } from "react";
import { describeFailure, type Failure } from "../api/failure";
import { CancelForm, MoveConfirm, useStatusLabels } from "./AppointmentChanges";
import { useManageTitle } from "./ManageBookingStates";
import type { ManagedBooking, Slot } from "../api/types";
import { useTRPC } from "../api/trpc";
import { SlotPicker } from "../booking/SlotPicker";
import { useEnvironment } from "../environment";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientFormats, usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

// The questions and their schema load after the appointment shows, outside the page's first download.
const ManageIntake = lazy(() => import("./ManageIntake").then((m) => ({ default: m.ManageIntake })));

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
  const { t, language } = usePatientText();
  const { fmt } = usePatientFormats(clinic);
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<Failure>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.public.booking.get.queryKey({ token }) });

  const cancel = useMutation(
    trpc.public.booking.cancel.mutationOptions({
      onSuccess: async () => {
        setMode({ kind: "view" });
        setDone(t("manage.cancelled"));
        await refresh();
      },
      onError: (error) => setFailure(describeFailure(error)),
    }),
  );
  const move = useMutation(
    trpc.public.booking.reschedule.mutationOptions({
      onSuccess: async (answer) => {
        setMode({ kind: "view" });
        setDone(t("manage.moved", { when: fmt.dateTime(answer.appointment.start) }));
        await refresh();
      },
      onError: (error) => setFailure(describeFailure(error)),
    }),
  );

  const cancelled = appointment.status === "cancelled";
  const patientTime = fmt.patientDateTime(appointment.start);

  return (
    <>
      <LanguageSwitcher />
      <h1>{t("manage.heading", { clinic: clinic.name })}</h1>
      {done ? <SuccessNotice title={done} /> : null}
      <div className={styles.layout}>
        <div className={styles.panel}>
          <div className={styles.details}>
            <dl>
              <dt>{t("common.service")}</dt>
              <dd>{appointment.serviceName}</dd>
              <dt>{t("common.with")}</dt>
              <dd>{appointment.practitionerName}</dd>
              <dt>{t("common.when")}</dt>
              <dd>
                {fmt.dateTime(appointment.start)}
                {patientTime ? (
                  <>
                    <br />
                    <span className={ui.hint}>{t("common.yourTimeWithZone", { time: patientTime, zone: fmt.patientTimeZone })}</span>
                  </>
                ) : null}
              </dd>
              {clinic.address ? (
                <>
                  <dt>{t("common.where")}</dt>
                  <dd>
                    {clinic.address} <ClinicMapLink address={clinic.address} />
                  </dd>
                </>
              ) : null}
              <dt>{t("manage.status")}</dt>
              <dd>
                <StatusLabel status={appointment.status} />
              </dd>
            </dl>
          </div>
          <CancellationRule booking={booking} fmt={fmt} />
          {clinic.phone ? (
            <p>
              <ClinicPhone clinic={clinic} />
            </p>
          ) : null}
          <p>
            {/* The patient's own list (ADR 0050): its own chunk, downloaded only when followed. */}
            <Link to="/book/$clinicSlug/my" params={{ clinicSlug: clinic.slug }} search={{ lang: language }}>
              {t("my.link")}
            </Link>
          </p>
          {failure ? <ManageFailure failure={failure} fmt={fmt} booking={booking} /> : null}
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
                {t("manage.move")}
              </Button>
              <Button
                variant="danger"
                onClick={() => {
                  setFailure(undefined);
                  setDone(undefined);
                  setMode({ kind: "cancel" });
                }}
              >
                {t("manage.cancel")}
              </Button>
            </div>
          ) : null}
          {mode.kind === "cancel" ? (
            <CancelForm
              heading={t("manage.cancelHeading")}
              pending={cancel.isPending}
              onKeep={() => setMode({ kind: "view" })}
              onCancel={(reason) => cancel.mutate({ token, ...(reason ? { reason } : {}) })}
            />
          ) : null}
          {cancelled ? null : (
            <Suspense fallback={null}>
              <ManageIntake token={token} />
            </Suspense>
          )}
        </div>
      </div>
      {mode.kind === "move" || mode.kind === "confirm-move" ? (
        <div className={styles.panel} style={{ marginTop: "1.5rem" }}>
          {mode.kind === "move" ? (
            <>
              <MovePicker booking={booking} fmt={fmt} today={todayIn(clinic.timezone, env.now())} onSelect={(slot) => setMode({ kind: "confirm-move", slot })} />
              <div className={ui.actions}>
                <Button variant="link" onClick={() => setMode({ kind: "view" })}>
                  {t("manage.keepTime")}
                </Button>
              </div>
            </>
          ) : (
            <>
              <StepHeading>{t("manage.moveHeading")}</StepHeading>
              <MoveConfirm
                fmt={fmt}
                from={appointment.start}
                slot={mode.slot}
                after={<>{fmt.patientTime(mode.slot.start) ? t("done.yourTime", { time: fmt.patientDateTime(mode.slot.start) }) : ""}.</>}
                pending={move.isPending}
                onConfirm={() => move.mutate({ token, start: mode.slot.start, practitionerId: appointment.practitionerId })}
                onChooseAnother={() => setMode({ kind: "move" })}
              />
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
  const { t } = usePatientText();
  const clinic = useQuery(trpc.public.clinic.queryOptions({ clinicSlug: booking.clinic.slug }));
  if (clinic.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="visually-hidden">
          {t("slots.loading")}
        </p>
        <Skeleton height="18rem" />
      </div>
    );
  }
  if (clinic.isError) {
    return (
      <ErrorNotice title={t("slots.failed")} message={patientFailureMessage(describeFailure(clinic.error), t)} retryLabel={t("common.tryAgain")} onRetry={() => void clinic.refetch()} />
    );
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

function StatusLabel({ status }: { status: ManagedBooking["appointment"]["status"] }) {
  return useStatusLabels()[status];
}

function CancellationRule({ booking, fmt }: { booking: ManagedBooking; fmt: DateFormat }) {
  const { t } = usePatientText();
  const { duration } = usePatientFormats(booking.clinic);
  const notice = duration(booking.clinic.cancellationNoticeMinutes);
  if (booking.appointment.status === "cancelled") return <EmptyNotice title={t("manage.isCancelled")} />;
  if (booking.canChange) {
    return (
      <p>
        {t("manage.rule", { clinic: booking.clinic.name, notice })} <strong>{fmt.dateTime(booking.changeableUntil)}</strong>.
      </p>
    );
  }
  return (
    <EmptyNotice title={t("manage.tooLate")}>
      <p>{t("manage.tooLateRule", { clinic: booking.clinic.name, notice, deadline: fmt.dateTime(booking.changeableUntil) })}</p>
    </EmptyNotice>
  );
}

function ManageFailure({ failure, fmt, booking }: { failure: Failure; fmt: DateFormat; booking: ManagedBooking }) {
  const { t } = usePatientText();
  const { duration } = usePatientFormats(booking.clinic);
  if (failure.kind === "conflict") {
    return (
      <ErrorNotice
        title={t("manage.taken")}
        message={
          failure.nextSlots.length > 0
            ? t("manage.stillFree", { times: failure.nextSlots.map((s) => fmt.time(s.start)).join(", ") })
            : t("manage.chooseAnotherTime")
        }
      />
    );
  }
  // The server refuses inside the notice window (in English, for every caller): say it with this page's words.
  const tooLate = failure.kind === "invalid" || failure.kind === "refused";
  const message = tooLate
    ? t("manage.tooLateRule", { clinic: booking.clinic.name, notice: duration(booking.clinic.cancellationNoticeMinutes), deadline: fmt.dateTime(booking.changeableUntil) })
    : patientFailureMessage(failure, t);
  return <ErrorNotice title={t("manage.failed")} message={message} />;
}
