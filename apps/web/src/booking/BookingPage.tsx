// /book/:clinicSlug — the patient's booking page: service, practitioner, day and time, details,
// confirmation. One screen and one address per step (booking-steps.ts); what was chosen stays in
// the summary and can be changed.
import { startOfMonth, todayIn, type DateFormat } from "@frontdesk/domain";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import type { PublicClinic, Slot } from "../api/types";
import { useTRPC } from "../api/trpc";
import { useEnvironment } from "../environment";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { usePatientFormats, usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import styles from "./booking.module.css";
import { BookingClosed } from "./BookingClosed";
import { ClinicPhone } from "./ClinicPhone";
import { BrandLogo, ClinicAbout, useBrandAccent } from "./ClinicBrand";
import { useBookingDraft, type BookingDraft } from "./booking-draft";
import { ANY_PRACTITIONER, BOOKING_STEPS, DONE_STEP, stepToShow, type BookingSearch, type BookingStep } from "./booking-steps";
import { DetailsStep } from "./DetailsStep";
import type { IntakeDraft } from "./intake-draft";
import { PractitionerStep, ServiceStep } from "./ChoiceSteps";
import { SlotPicker, slotsQueryInput } from "./SlotPicker";
import { WaitlistJoin } from "./WaitlistJoin";
import { useEmbedFrame } from "./embed-frame";


// Most services ask nothing: the intake step's form loads only when it is shown.
const IntakeStep = lazy(() => import("./IntakeStep").then((m) => ({ default: m.IntakeStep })));
// The confirmation loads while the patient types their details (see chooseSlot), off the first screen.
const loadConfirmStep = () => import("./ConfirmStep").then((m) => ({ default: m.ConfirmStep }));
const ConfirmStep = lazy(loadConfirmStep);
// The booked page (and its calendar file builder) is needed only after booking, never on the first screen.
const DoneStep = lazy(() => import("./DoneStep").then((m) => ({ default: m.DoneStep })));

export function BookingPage() {
  const { clinicSlug } = useParams({ from: "/book/$clinicSlug" });
  const trpc = useTRPC();
  const clinic = useSuspenseQuery(trpc.public.clinic.queryOptions({ clinicSlug }));
  const { t } = usePatientText();
  const title = t("booking.title", { clinic: clinic.data.name });
  useEmbedFrame(clinic.data.embedOrigins);

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
  const { t, language } = usePatientText();
  useBrandAccent(clinic.brand);
  return (
    <header className={styles.clinicHeader}>
      <LanguageSwitcher />
      <BrandLogo clinic={clinic} />
      <h1>{clinic.name}</h1>
      <p className={styles.clinicMeta}>
        {clinic.address ? `${clinic.address} · ` : ""}
        {t("booking.timesIn", { zone: clinic.timezone })}
      </p>
      {clinic.phone ? (
        <p className={styles.clinicMeta}>
          <ClinicPhone clinic={clinic} />
        </p>
      ) : null}
      <ClinicAbout clinic={clinic} />
      <p className={styles.clinicMeta}>
        {/* The patient's own list (ADR 0050): its own chunk, downloaded only when followed. */}
        <Link to="/book/$clinicSlug/my" params={{ clinicSlug: clinic.slug }} search={{ lang: language }}>
          {t("my.link")}
        </Link>
      </p>
    </header>
  );
}

/** What the address and the draft say was chosen, checked against the clinic's own lists. */
function flowState(clinic: PublicClinic, search: BookingSearch, draft: BookingDraft) {
  const service = clinic.services.find((s) => s.id === search.service);
  const offering = service ? clinic.practitioners.filter((p) => p.serviceIds.includes(service.id)) : [];
  const practitioner = offering.find((p) => p.id === search.practitioner);
  /** null: first available; undefined: not chosen (or not one who offers the service). */
  const practitionerId = search.practitioner === ANY_PRACTITIONER ? null : practitioner?.id;
  const slot: Slot | undefined =
    service && search.time ? { start: search.time, end: new Date(Date.parse(search.time) + service.durationMinutes * 60_000).toISOString() } : undefined;
  const done: Record<BookingStep, boolean> = {
    service: service !== undefined,
    practitioner: practitionerId !== undefined,
    time: slot !== undefined,
    details: draft.detailsDone,
    intake: service !== undefined && draft.intake?.serviceId === service.id,
    // The last step is never "done": booking it leaves the flow.
    confirm: false,
  };
  return { service, practitioner, practitionerId, slot, isDone: (step: BookingStep) => done[step] };
}

function BookingFlow({ clinic }: { clinic: PublicClinic }) {
  const env = useEnvironment();
  const { t } = usePatientText();
  const { fmt } = usePatientFormats(clinic);
  const search = useSearch({ from: "/book/$clinicSlug" });
  const navigate = useNavigate({ from: "/book/$clinicSlug" });
  const [draft, updateDraft] = useBookingDraft(clinic.slug);
  const [serverFieldErrors, setServerFieldErrors] = useState<Record<string, string[]>>({});
  const [intakeChanged, setIntakeChanged] = useState(false);
  const { service, practitioner, practitionerId, slot, isDone } = flowState(clinic, search, draft);
  const asked = search.step === DONE_STEP ? undefined : search.step;
  const step = stepToShow(asked, isDone);
  const showDone = search.step === DONE_STEP && draft.booked !== undefined;

  // A link to a step whose earlier choices are missing opens the first missing one: say so in the address.
  useEffect(() => {
    if (!showDone && asked !== undefined && asked !== step) void navigate({ search: (previous) => ({ ...previous, step }), replace: true });
  }, [showDone, asked, step, navigate]);

  /** Each step is a history entry: Back returns to the one before with its choices. */
  const goTo = (target: BookingStep, change: Partial<BookingSearch> = {}) => void navigate({ search: (previous) => ({ ...previous, ...change, step: target }) });
  /** After a choice: the first later step not done yet (a patient who gave their details goes straight to confirm). */
  const advance = (from: BookingStep, change: Partial<BookingSearch>, draftChange: Partial<BookingDraft> = {}) => {
    if (Object.keys(draftChange).length > 0) updateDraft(draftChange);
    const after = flowState(clinic, { ...search, ...change }, { ...draft, ...draftChange });
    const later = BOOKING_STEPS.slice(BOOKING_STEPS.indexOf(from) + 1);
    const target = later.find((s) => !after.isDone(s)) ?? from;
    // The choice is written into this step's own entry too, so Back to it shows it chosen.
    void navigate({ search: (previous) => ({ ...previous, ...change, step: from }), replace: true }).then(() => goTo(target, change));
  };

  const today = todayIn(clinic.timezone, env.now());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Most patients take "first available": ask for its free times while they read the practitioners.
  const askAheadForFreeTimes = (id: string) =>
    void queryClient.prefetchQuery(
      trpc.public.slots.queryOptions(slotsQueryInput({ clinicSlug: clinic.slug, serviceId: id, practitionerId: undefined, month: startOfMonth(today), today, horizonDays: clinic.policy.horizonDays })),
    );

  if (showDone && draft.booked) {
    return (
      <>
        <ClinicHeader clinic={clinic} />
        <div className={styles.panel}>
          <Suspense fallback={null}>
            <DoneStep answer={draft.booked} clinic={clinic} fmt={fmt} />
          </Suspense>
        </div>
      </>
    );
  }

  const chooseSlot = (next: Slot) => {
    void loadConfirmStep();
    advance("time", { time: next.start }, { attemptKey: env.newKey() });
  };
  const attemptKey = draft.attemptKey ?? "";

  const views: Record<BookingStep, () => ReactNode> = {
    service: () => (
      <ServiceStep
        clinic={clinic}
        selectedId={service?.id}
        onSelect={(id) => {
          askAheadForFreeTimes(id);
          // Another service has other times: the chosen one goes.
          advance("service", id === service?.id ? {} : { service: id, time: undefined });
        }}
      />
    ),
    practitioner: () =>
      service ? (
        <PractitionerStep
          clinic={clinic}
          service={service}
          selectedId={practitionerId}
          onSelect={(id) => advance("practitioner", id === practitionerId ? {} : { practitioner: id ?? ANY_PRACTITIONER, time: undefined })}
        />
      ) : null,
    time: () =>
      service ? (
        <>
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
        {clinic.features.waitlist ? <WaitlistJoin clinicSlug={clinic.slug} serviceId={service.id} practitionerId={practitionerId ?? undefined} today={today} /> : null}
        </>
      ) : null,
    details: () => (
      <DetailsStep
        initial={draft.details}
        serverErrors={serverFieldErrors}
        onSubmit={(values) => {
          setServerFieldErrors({});
          advance("details", {}, { details: values, detailsDone: true, attemptKey: env.newKey() });
        }}
      />
    ),
    intake: () =>
      service ? (
        <Suspense fallback={null}>
        <IntakeStep
          clinicSlug={clinic.slug}
          serviceId={service.id}
          initial={draft.intake}
          serverErrors={serverFieldErrors}
          changed={intakeChanged}
          onDone={(intake: IntakeDraft, asked: boolean) => {
            setServerFieldErrors({});
            setIntakeChanged(false);
            if (asked) advance("intake", {}, { intake });
            else {
              // Nothing to ask: this step leaves no history entry, so Back from the confirmation skips it.
              updateDraft({ intake });
              void navigate({ search: (previous) => ({ ...previous, step: "confirm" }), replace: true });
            }
          }}
        />
        </Suspense>
      ) : null,
    confirm: () =>
      service && slot ? (
        <Suspense fallback={null}>
        <ConfirmStep
          key={attemptKey}
          clinic={clinic}
          service={service}
          practitioner={practitioner}
          slot={slot}
          details={draft.details}
          intake={draft.intake?.serviceId === service.id ? draft.intake : undefined}
          attemptKey={attemptKey}
          fmt={fmt}
          onBooked={(answer) => {
            updateDraft({ booked: answer, attemptKey: undefined });
            // The booked page replaces the confirm step: Back cannot offer to book the same time again.
            void navigate({ search: (previous) => ({ ...previous, step: DONE_STEP }), replace: true });
          }}
          onChooseSlot={chooseSlot}
          onChooseAnotherDay={() => goTo("time")}
          onInvalidDetails={(fieldErrors) => {
            setServerFieldErrors(fieldErrors);
            goTo(Object.keys(fieldErrors).some((path) => path.startsWith("intake.") || path === "privacyNoticeVersion") ? "intake" : "details");
          }}
          onIntakeChanged={() => {
            setIntakeChanged(true);
            goTo("intake");
          }}
        />
        </Suspense>
      ) : null,
  };

  const reached = (s: BookingStep) => BOOKING_STEPS.indexOf(step) >= BOOKING_STEPS.indexOf(s);
  return (
    <>
      <ClinicHeader clinic={clinic} />
      <ol className={styles.progress} aria-label={t("booking.steps")}>
        {BOOKING_STEPS.map((s) => (
          <li key={s} aria-current={s === step ? "step" : undefined}>
            <StepLabel step={s} />
          </li>
        ))}
      </ol>
      <div className={styles.layout}>
        <div className={styles.panel}>{views[step]()}</div>
        <Summary
          fmt={fmt}
          serviceName={reached("practitioner") ? service?.name : undefined}
          practitionerName={reached("time") ? (practitioner?.displayName ?? t("common.firstAvailable")) : undefined}
          slot={reached("details") ? slot : undefined}
          onChange={goTo}
        />
      </div>
    </>
  );
}

function StepLabel({ step }: { step: BookingStep }) {
  const { t } = usePatientText();
  const labels: Record<BookingStep, string> = {
    service: t("booking.step.service"),
    practitioner: t("booking.step.practitioner"),
    time: t("booking.step.time"),
    details: t("booking.step.details"),
    intake: t("booking.step.intake"),
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
  onChange: (step: BookingStep) => void;
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
