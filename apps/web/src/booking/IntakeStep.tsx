// The intake step (ADR 0037): the service's questions and the clinic's privacy notice, before the
// confirmation. Nothing to ask moves straight on (replacing this step in the history, so Back
// does not land here). The answers stay in this tab's draft, never in the address; the server
// checks them again against the form version they answer.
import type { IntakeAnswerMap, IntakeQuestion } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { Loading } from "../ui/Loading";
import { ErrorNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import type { IntakeDraft } from "./intake-draft";
import { intakeServerErrors, IntakeQuestions, withAnswer, type IntakeErrors } from "./IntakeQuestions";

// The domain's schema of the answers loads with the step, not with the page.
const loadValidator = () => import("./validate-intake");

export function IntakeStep(props: {
  clinicSlug: string;
  serviceId: string;
  initial: IntakeDraft | undefined;
  /** Field errors the server gave the last attempt ("intake.answers.<key>", "privacyNoticeVersion"). */
  serverErrors: Record<string, string[]>;
  /** The server said the questions changed: show this step again with them. */
  changed: boolean;
  onDone: (intake: IntakeDraft, asked: boolean) => void;
}) {
  const trpc = useTRPC();
  const { t } = usePatientText();
  const form = useQuery({ ...trpc.public.intakeForm.queryOptions({ clinicSlug: props.clinicSlug, serviceId: props.serviceId }), staleTime: props.changed ? 0 : 60_000 });
  const { onDone, serviceId } = props;
  const nothingToAsk = form.data !== undefined && form.data.form === null && form.data.privacyNotice === null;
  const movedOn = useRef(false);
  useEffect(() => {
    if (!nothingToAsk || movedOn.current) return;
    movedOn.current = true;
    onDone({ serviceId, formVersionId: null, answers: {}, privacyNoticeVersion: null }, false);
  }, [nothingToAsk, onDone, serviceId]);

  if (form.isPending || nothingToAsk) return <Loading label={t("intake.loading")} />;
  if (form.isError) return <ErrorNotice title={t("intake.failed")} message={patientFailureMessage(describeFailure(form.error), t)} onRetry={() => void form.refetch()} />;
  const questions = form.data.form?.questions ?? [];
  // Answers kept from an earlier visit to this step count only for the same form version.
  const initial = props.initial && props.initial.serviceId === serviceId && props.initial.formVersionId === (form.data.form?.id ?? null) ? props.initial : undefined;
  return (
    <IntakeForm
      key={form.data.form?.id ?? "none"}
      serviceId={serviceId}
      formVersionId={form.data.form?.id ?? null}
      questions={questions}
      privacyNotice={form.data.privacyNotice}
      initial={initial}
      serverErrors={props.serverErrors}
      changed={props.changed}
      onDone={(intake) => onDone(intake, true)}
    />
  );
}

function IntakeForm(props: {
  serviceId: string;
  formVersionId: string | null;
  questions: IntakeQuestion[];
  privacyNotice: { url: string; version: string } | null;
  initial: IntakeDraft | undefined;
  serverErrors: Record<string, string[]>;
  changed: boolean;
  onDone: (intake: IntakeDraft) => void;
}) {
  const { t } = usePatientText();
  const [answers, setAnswers] = useState<IntakeAnswerMap>(props.initial?.answers ?? {});
  const [accepted, setAccepted] = useState(props.initial?.privacyNoticeVersion === props.privacyNotice?.version && props.privacyNotice !== null);
  const [errors, setErrors] = useState<IntakeErrors>(() => intakeServerErrors(props.serverErrors));
  const [privacyError, setPrivacyError] = useState(props.serverErrors.privacyNoticeVersion !== undefined);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);


  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { checkIntakeAnswers } = await loadValidator();
    const found = checkIntakeAnswers(props.questions, answers);
    const refusedPrivacy = props.privacyNotice !== null && !accepted;
    setErrors(found.errors);
    setPrivacyError(refusedPrivacy);
    if (Object.keys(found.errors).length > 0 || refusedPrivacy) {
      setAttempt((n) => n + 1);
      return;
    }
    props.onDone({ serviceId: props.serviceId, formVersionId: props.formVersionId, answers: found.answers, privacyNoticeVersion: props.privacyNotice?.version ?? null });
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="intake-heading">
      <StepHeading id="intake-heading">{t("intake.heading")}</StepHeading>
      {props.changed ? <ErrorNotice title={t("intake.changed")} message={t("intake.hint")} /> : <p className={ui.hint}>{t("intake.hint")}</p>}
      <IntakeQuestions questions={props.questions} answers={answers} errors={errors} onChange={(id, value) => setAnswers((all) => withAnswer(all, id, value))} />
      {props.privacyNotice ? (
        <p>
          <label>
            <input type="checkbox" checked={accepted} aria-invalid={privacyError} onChange={(e) => setAccepted(e.target.checked)} /> {t("intake.privacy", { version: props.privacyNotice.version })}
          </label>{" "}
          <a href={props.privacyNotice.url} target="_blank" rel="noreferrer">
            {t("intake.privacyLink")}
          </a>
          {privacyError ? (
            <span role="alert" className={ui.error}>
              {" "}
              {t("intake.error.privacy")}
            </span>
          ) : null}
        </p>
      ) : null}
      <Button type="submit">{t("intake.continue")}</Button>
    </form>
  );
}
