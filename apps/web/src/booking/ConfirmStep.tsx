// Step 7: one click books. The button is off while the request is out, and the attempt's
// idempotency key makes any second send of the same attempt book nothing new.
import type { DateFormat } from "@frontdesk/domain";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { describeFailure, type Failure } from "../api/failure";
import type { BookAnswer, Practitioner, PublicClinic, Service, Slot } from "../api/types";
import { useTRPC } from "../api/trpc";
import { useEnvironment } from "../environment";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientFormats, usePatientText } from "../i18n/usePatientText";
import { yourTimeText } from "./patient-time";
import { Button } from "../ui/Button";
import { ErrorNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import styles from "./booking.module.css";
import type { DetailsValues } from "./DetailsStep";
import type { IntakeDraft } from "./intake-draft";
import slotStyles from "./slots.module.css";

export interface ConfirmStepProps {
  clinic: PublicClinic;
  service: Service;
  /** Undefined: first available. */
  practitioner: Practitioner | undefined;
  slot: Slot;
  details: DetailsValues;
  /** The intake answers and privacy consent given for this service, if any. */
  intake?: IntakeDraft;
  attemptKey: string;
  fmt: DateFormat;
  onBooked: (answer: BookAnswer) => void;
  onChooseSlot: (slot: Slot) => void;
  onChooseAnotherDay: () => void;
  onInvalidDetails: (fieldErrors: Record<string, string[]>) => void;
  /** The clinic changed its questions or its privacy notice since they were shown (STALE_VERSION). */
  onIntakeChanged: () => void;
}

export function ConfirmStep(props: ConfirmStepProps) {
  const { clinic, service, practitioner, slot, details, attemptKey, fmt } = props;
  const trpc = useTRPC();
  const book = useMutation(trpc.public.book.mutationOptions());
  const [failure, setFailure] = useState<Failure>();
  const sending = useRef(false);
  const { t, language } = usePatientText();
  const { duration, price: formatPrice } = usePatientFormats(clinic);
  const { now } = useEnvironment();
  const patientTime = fmt.patientDateTime(slot.start);
  const price = formatPrice(service.priceCents, clinic.currency);
  // The policy for this time, not in general: a time inside the notice window can never be changed online.
  const changeableUntil = new Date(Date.parse(slot.start) - clinic.policy.cancellationNoticeMinutes * 60_000);
  const policy =
    changeableUntil.getTime() > now().getTime()
      ? t("confirm.policy", { deadline: fmt.dateTime(changeableUntil) })
      : t("confirm.policyTooLate", { notice: duration(clinic.policy.cancellationNoticeMinutes) });

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
        ...(props.intake?.formVersionId ? { intake: { formVersionId: props.intake.formVersionId, answers: props.intake.answers } } : {}),
        ...(props.intake?.privacyNoticeVersion ? { privacyNoticeVersion: props.intake.privacyNoticeVersion } : {}),
        idempotencyKey: attemptKey,
        language,
      });
      props.onBooked(answer);
    } catch (error) {
      const found = describeFailure(error);
      if (found.kind === "invalid" && Object.keys(found.fieldErrors).length > 0) {
        props.onInvalidDetails(found.fieldErrors);
        return;
      }
      if (found.reason === "STALE_VERSION") {
        props.onIntakeChanged();
        return;
      }
      setFailure(found);
    } finally {
      sending.current = false;
    }
  };

  return (
    <>
      <StepHeading key={slot.start}>{t("confirm.heading")}</StepHeading>
      <div className={styles.details} role="group" aria-label={t("confirm.group")}>
        <dl>
          <dt>{t("common.service")}</dt>
          <dd>
            {service.name} ({duration(service.durationMinutes)}
            {price ? `, ${price}` : ""})
          </dd>
          <dt>{t("common.with")}</dt>
          <dd>{practitioner?.displayName ?? t("confirm.firstAvailable")}</dd>
          <dt>{t("common.when")}</dt>
          <dd>
            {fmt.dateTime(slot.start)}
            {patientTime ? (
              <>
                <br />
                <span className={ui.hint}>{t("common.yourTimeWithZone", { time: patientTime, zone: fmt.patientTimeZone })}</span>
              </>
            ) : null}
          </dd>
          <dt>{t("common.where")}</dt>
          <dd>{clinic.address ? `${clinic.name}, ${clinic.address}` : clinic.name}</dd>
          <dt>{t("confirm.name")}</dt>
          <dd>{details.name}</dd>
          <dt>{t("confirm.email")}</dt>
          <dd>{details.email}</dd>
        </dl>
      </div>
      {failure ? <FailureNotice failure={failure} fmt={fmt} slot={slot} onChooseSlot={props.onChooseSlot} onChooseAnotherDay={props.onChooseAnotherDay} /> : null}
      {failure?.kind !== "conflict" ? (
        <Button onClick={() => void confirm()} disabled={book.isPending} aria-describedby="confirm-note">
          {book.isPending ? t("confirm.booking") : failure ? t("common.tryAgain") : t("confirm.book")}
        </Button>
      ) : null}
      <p id="confirm-note" className={ui.hint} style={{ marginTop: "0.75rem" }}>
        {policy}
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
  const { t } = usePatientText();
  if (failure.kind === "conflict") {
    return (
      <div role="alert" className={`${ui.notice} ${ui.error}`}>
        <p className={ui.noticeTitle}>{t("confirm.taken", { time: fmt.time(slot.start) })}</p>
        {failure.nextSlots.length > 0 ? (
          <>
            <p>{t("confirm.stillFree", { date: fmt.date(fmt.localDate(slot.start)) })}</p>
            <ul className={slotStyles.timeList} aria-label={t("confirm.nextTimes")}>
              {failure.nextSlots.map((next) => {
                const patientTime = yourTimeText(fmt, t, next.start);
                return (
                  <li key={next.start}>
                    <button type="button" className={slotStyles.time} onClick={() => onChooseSlot(next)}>
                      <span>{fmt.time(next.start)}</span>
                      {patientTime ? <span className={slotStyles.patientTime}>{" "}{patientTime}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p>{t("confirm.noOtherTimes")}</p>
        )}
        <div className={ui.actions}>
          <Button variant="secondary" onClick={onChooseAnotherDay}>
            {t("confirm.anotherDay")}
          </Button>
        </div>
      </div>
    );
  }
  const title = failure.kind === "network" ? t("confirm.notSent") : failure.kind === "rate-limited" ? t("confirm.wait") : t("confirm.failed");
  return <ErrorNotice title={title} message={patientFailureMessage(failure, t)} />;
}
