// Step 7: one click books. The button is off while the request is out, and the attempt's
// idempotency key makes any second send of the same attempt book nothing new.
import { formatDuration, formatPrice, type DateFormat } from "@frontdesk/domain";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { describeFailure, type Failure } from "../api/failure";
import type { BookAnswer, Practitioner, PublicClinic, Service, Slot } from "../api/types";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { ErrorNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import styles from "./booking.module.css";
import type { DetailsValues } from "./DetailsStep";
import slotStyles from "./slots.module.css";

export interface ConfirmStepProps {
  clinic: PublicClinic;
  service: Service;
  /** Undefined: first available. */
  practitioner: Practitioner | undefined;
  slot: Slot;
  details: DetailsValues;
  attemptKey: string;
  fmt: DateFormat;
  onBooked: (answer: BookAnswer) => void;
  onChooseSlot: (slot: Slot) => void;
  onChooseAnotherDay: () => void;
  onInvalidDetails: (fieldErrors: Record<string, string[]>) => void;
}

export function ConfirmStep(props: ConfirmStepProps) {
  const { clinic, service, practitioner, slot, details, attemptKey, fmt } = props;
  const trpc = useTRPC();
  const book = useMutation(trpc.public.book.mutationOptions());
  const [failure, setFailure] = useState<Failure>();
  const sending = useRef(false);
  const patientTime = fmt.patientDateTime(slot.start);
  const price = formatPrice(service.priceCents, clinic.currency, clinic.locale);

  const confirm = async () => {
    // A second click before React re-renders the disabled button must not send again.
    if (sending.current) return;
    sending.current = true;
    setFailure(undefined);
    try {
      const answer = await book.mutateAsync({
        clinicSlug: clinic.slug,
        serviceId: service.id,
        ...(practitioner ? { practitionerId: practitioner.id } : {}),
        start: slot.start,
        patient: { name: details.name, email: details.email, ...(details.phone.trim() ? { phone: details.phone } : {}) },
        ...(details.note.trim() ? { note: details.note } : {}),
        idempotencyKey: attemptKey,
      });
      props.onBooked(answer);
    } catch (error) {
      const found = describeFailure(error);
      if (found.kind === "invalid" && Object.keys(found.fieldErrors).length > 0) {
        props.onInvalidDetails(found.fieldErrors);
        return;
      }
      setFailure(found);
    } finally {
      sending.current = false;
    }
  };

  return (
    <>
      <StepHeading key={slot.start}>Confirm your appointment</StepHeading>
      <div className={styles.details} role="group" aria-label="Appointment to confirm">
        <dl>
          <dt>Service</dt>
          <dd>
            {service.name} ({formatDuration(service.durationMinutes)}
            {price ? `, ${price}` : ""})
          </dd>
          <dt>With</dt>
          <dd>{practitioner?.displayName ?? "First available practitioner"}</dd>
          <dt>When</dt>
          <dd>
            {fmt.dateTime(slot.start)}
            {patientTime ? (
              <>
                <br />
                <span className={ui.hint}>
                  {patientTime} your time ({fmt.patientTimeZone})
                </span>
              </>
            ) : null}
          </dd>
          <dt>Where</dt>
          <dd>{clinic.address ? `${clinic.name}, ${clinic.address}` : clinic.name}</dd>
          <dt>Name</dt>
          <dd>{details.name}</dd>
          <dt>E-mail</dt>
          <dd>{details.email}</dd>
        </dl>
      </div>
      {failure ? <FailureNotice failure={failure} fmt={fmt} slot={slot} onChooseSlot={props.onChooseSlot} onChooseAnotherDay={props.onChooseAnotherDay} /> : null}
      {failure?.kind !== "conflict" ? (
        <Button onClick={() => void confirm()} disabled={book.isPending} aria-describedby="confirm-note">
          {book.isPending ? "Booking…" : failure ? "Try again" : "Confirm booking"}
        </Button>
      ) : null}
      <p id="confirm-note" className={ui.hint} style={{ marginTop: "0.75rem" }}>
        You can change or cancel online until {formatDuration(clinic.policy.cancellationNoticeMinutes)} before the appointment.
      </p>
    </>
  );
}

function FailureNotice({
  failure,
  fmt,
  slot,
  onChooseSlot,
  onChooseAnotherDay,
}: {
  failure: Failure;
  fmt: DateFormat;
  slot: Slot;
  onChooseSlot: (slot: Slot) => void;
  onChooseAnotherDay: () => void;
}) {
  if (failure.kind === "conflict") {
    return (
      <div role="alert" className={`${ui.notice} ${ui.error}`}>
        <p className={ui.noticeTitle}>Sorry, {fmt.time(slot.start)} was just taken.</p>
        {failure.nextSlots.length > 0 ? (
          <>
            <p>These times are still free on {fmt.date(fmt.localDate(slot.start))}. Your details are kept.</p>
            <ul className={slotStyles.timeList} aria-label="Next free times">
              {failure.nextSlots.map((next) => {
                const patientTime = fmt.patientTime(next.start);
                return (
                  <li key={next.start}>
                    <button type="button" className={slotStyles.time} onClick={() => onChooseSlot(next)}>
                      <span>{fmt.time(next.start)}</span>
                      {patientTime ? <span className={slotStyles.patientTime}>{" "}{patientTime} your time</span> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p>There are no other free times that day.</p>
        )}
        <div className={ui.actions}>
          <Button variant="secondary" onClick={onChooseAnotherDay}>
            Choose another day
          </Button>
        </div>
      </div>
    );
  }
  const title =
    failure.kind === "network" ? "Your booking was not sent" : failure.kind === "rate-limited" ? "Please wait a moment" : "Your booking could not be made";
  return <ErrorNotice title={title} message={failure.message} />;
}
