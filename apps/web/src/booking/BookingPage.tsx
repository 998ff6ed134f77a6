// /book/:clinicSlug — the patient's booking page: service, practitioner, day and time, details,
// confirmation. One screen per step; what was chosen stays in the summary and can be changed.
import { startOfMonth, todayIn, type DateFormat } from "@frontdesk/domain";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { BookAnswer, PublicClinic, Slot } from "../api/types";
import { useTRPC } from "../api/trpc";
import { useEnvironment } from "../environment";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { usePatientFormats, usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import styles from "./booking.module.css";
import { BookingClosed } from "./BookingClosed";
import { ConfirmStep } from "./ConfirmStep";
import { DetailsStep, emptyDetails, type DetailsValues } from "./DetailsStep";
import { DoneStep } from "./DoneStep";
import { PractitionerStep, ServiceStep } from "./ChoiceSteps";
import { SlotPicker, slotsQueryInput } from "./SlotPicker";

type Step = "service" | "practitioner" | "time" | "details" | "confirm" | "done";

const STEPS = ["service", "practitioner", "time", "details", "confirm"] as const;

export function BookingPage() {
  const { clinicSlug } = useParams({ from: "/book/$clinicSlug" });
  const trpc = useTRPC();
  const clinic = useSuspenseQuery(trpc.public.clinic.queryOptions({ clinicSlug }));
  const { t } = usePatientText();
  const title = t("booking.title", { clinic: clinic.data.name });

  useEffect(() => {
    document.title = title;
  }, [title]);

  // The clinic switched online booking off (its flag, ADR 0039): say so instead of offering times.
  if (!clinic.data.features.onlineBooking) {
    return (
      <>
        <ClinicHeader clinic={clinic.data} />
        <BookingClosed clinic={clinic.data} />
      </>
    );
  }
  return <BookingFlow clinic={clinic.data} />;
}

function ClinicHeader({ clinic }: { clinic: PublicClinic }) {
  const { t } = usePatientText();
  return (
    <header className={styles.clinicHeader}>
      <LanguageSwitcher />
      <h1>{clinic.name}</h1>
      <p className={styles.clinicMeta}>
        {clinic.address ? `${clinic.address} · ` : ""}
        {t("booking.timesIn", { zone: clinic.timezone })}
      </p>
    </header>
  );
}

function BookingFlow({ clinic }: { clinic: PublicClinic }) {
  const env = useEnvironment();
  const { t } = usePatientText();
  const { fmt } = usePatientFormats(clinic);
  const [step, setStep] = useState<Step>("service");
  const [serviceId, setServiceId] = useState<string>();
  /** null: first available; undefined: not chosen yet. */
  const [practitionerId, setPractitionerId] = useState<string | null>();
  const [slot, setSlot] = useState<Slot>();
  const [details, setDetails] = useState<DetailsValues>(emptyDetails);
  const [detailsDone, setDetailsDone] = useState(false);
  const [serverFieldErrors, setServerFieldErrors] = useState<Record<string, string[]>>({});
  /** One idempotency key per attempt: a new time or new details is a new attempt; a retry is not. */
  const [attemptKey, setAttemptKey] = useState<string>(() => env.newKey());
  const [booked, setBooked] = useState<BookAnswer>();

  const service = clinic.services.find((s) => s.id === serviceId);
  const practitioner = clinic.practitioners.find((p) => p.id === practitionerId);
  const today = todayIn(clinic.timezone, env.now());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Most patients take "first available": ask for its free times while they read the practitioners.
  const askAheadForFreeTimes = (id: string) =>
    void queryClient.prefetchQuery(
      trpc.public.slots.queryOptions(slotsQueryInput({ clinicSlug: clinic.slug, serviceId: id, practitionerId: undefined, month: startOfMonth(today), today, horizonDays: clinic.policy.horizonDays })),
    );

  if (step === "done" && booked) {
    return (
      <>
        <ClinicHeader clinic={clinic} />
        <div className={styles.panel}>
          <DoneStep answer={booked} clinic={clinic} fmt={fmt} />
        </div>
      </>
    );
  }

  const chooseSlot = (next: Slot) => {
    setSlot(next);
    setAttemptKey(env.newKey());
    setStep(detailsDone ? "confirm" : "details");
  };

  return (
    <>
      <ClinicHeader clinic={clinic} />
      <ol className={styles.progress} aria-label={t("booking.steps")}>
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? "step" : undefined}>
            <StepLabel step={s} />
          </li>
        ))}
      </ol>
      <div className={styles.layout}>
        <div className={styles.panel}>
          {step === "service" ? (
            <ServiceStep
              clinic={clinic}
              selectedId={serviceId}
              onSelect={(id) => {
                if (id !== serviceId) setSlot(undefined);
                askAheadForFreeTimes(id);
                setServiceId(id);
                setStep("practitioner");
              }}
            />
          ) : null}
          {step === "practitioner" && service ? (
            <PractitionerStep
              clinic={clinic}
              service={service}
              selectedId={practitionerId}
              onSelect={(id) => {
                if (id !== practitionerId) setSlot(undefined);
                setPractitionerId(id);
                setStep("time");
              }}
            />
          ) : null}
          {step === "time" && service ? (
            <SlotPicker
              clinicSlug={clinic.slug}
              serviceId={service.id}
              practitionerId={practitionerId ?? undefined}
              horizonDays={clinic.policy.horizonDays}
              fmt={fmt}
              today={today}
              selected={slot}
              onSelect={chooseSlot}
            />
          ) : null}
          {step === "details" ? (
            <DetailsStep
              initial={details}
              serverErrors={serverFieldErrors}
              onSubmit={(values) => {
                setDetails(values);
                setDetailsDone(true);
                setServerFieldErrors({});
                setAttemptKey(env.newKey());
                setStep("confirm");
              }}
            />
          ) : null}
          {step === "confirm" && service && slot ? (
            <ConfirmStep
              key={attemptKey}
              clinic={clinic}
              service={service}
              practitioner={practitioner}
              slot={slot}
              details={details}
              attemptKey={attemptKey}
              fmt={fmt}
              onBooked={(answer) => {
                setBooked(answer);
                setStep("done");
              }}
              onChooseSlot={chooseSlot}
              onChooseAnotherDay={() => setStep("time")}
              onInvalidDetails={(fieldErrors) => {
                setServerFieldErrors(fieldErrors);
                setStep("details");
              }}
            />
          ) : null}
        </div>
        <Summary
          fmt={fmt}
          serviceName={step !== "service" ? service?.name : undefined}
          practitionerName={step === "service" || step === "practitioner" ? undefined : (practitioner?.displayName ?? t("common.firstAvailable"))}
          slot={step === "details" || step === "confirm" ? slot : undefined}
          onChange={setStep}
        />
      </div>
    </>
  );
}

function StepLabel({ step }: { step: (typeof STEPS)[number] }) {
  const { t } = usePatientText();
  const labels = {
    service: t("booking.step.service"),
    practitioner: t("booking.step.practitioner"),
    time: t("booking.step.time"),
    details: t("booking.step.details"),
    confirm: t("booking.step.confirm"),
  };
  return labels[step];
}

function Summary({
  fmt,
  serviceName,
  practitionerName,
  slot,
  onChange,
}: {
  fmt: DateFormat;
  serviceName: string | undefined;
  practitionerName: string | undefined;
  slot: Slot | undefined;
  onChange: (step: Step) => void;
}) {
  const { t } = usePatientText();
  if (!serviceName) return null;
  return (
    <aside className={styles.summary} aria-labelledby="booking-summary">
      <h2 id="booking-summary">{t("booking.summary.heading")}</h2>
      <dl>
        <div>
          <dt>{t("common.service")}</dt>
          <dd>
            {serviceName}{" "}
            <Button variant="link" onClick={() => onChange("service")} aria-label={t("booking.summary.changeService")}>
              {t("common.change")}
            </Button>
          </dd>
        </div>
        {practitionerName ? (
          <div>
            <dt>{t("booking.summary.practitioner")}</dt>
            <dd>
              {practitionerName}{" "}
              <Button variant="link" onClick={() => onChange("practitioner")} aria-label={t("booking.summary.changePractitioner")}>
                {t("common.change")}
              </Button>
            </dd>
          </div>
        ) : null}
        {slot ? (
          <div>
            <dt>{t("common.when")}</dt>
            <dd>
              {fmt.dateTime(slot.start)}{" "}
              <Button variant="link" onClick={() => onChange("time")} aria-label={t("booking.summary.changeTime")}>
                {t("common.change")}
              </Button>
            </dd>
          </div>
        ) : null}
      </dl>
    </aside>
  );
}
