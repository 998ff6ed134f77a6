// The intake step (ADR 0037): the service's questions and the clinic's privacy notice, before the
// confirmation. Nothing to ask moves straight on (replacing this step in the history, so Back
// does not land here). The answers stay in this tab's draft, never in the address; the server
// checks them again against the form version they answer.
import type { IntakeAnswerMap, IntakeAnswerValue, IntakeQuestion } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { SelectField, TextAreaField, TextField } from "../ui/Field";
import { Loading } from "../ui/Loading";
import { ErrorNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import type { IntakeDraft } from "./intake-draft";

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
  const [errors, setErrors] = useState<Record<string, "required" | "invalid">>(() =>
    Object.fromEntries(
      Object.keys(props.serverErrors)
        .filter((path) => path.startsWith("intake.answers."))
        .map((path) => [path.slice("intake.answers.".length), "invalid" as const]),
    ),
  );
  const [privacyError, setPrivacyError] = useState(props.serverErrors.privacyNoticeVersion !== undefined);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = (id: string, value: IntakeAnswerValue | undefined) =>
    setAnswers((all) => {
      const next = { ...all };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  const errorText = (id: string) => (errors[id] === "required" ? t("intake.error.required") : errors[id] === "invalid" ? t("intake.error.invalid") : undefined);

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
      {props.questions.map((question) => (
        <Question key={question.id} question={question} value={answers[question.id]} error={errorText(question.id)} onChange={(value) => set(question.id, value)} />
      ))}
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

function Question({ question, value, error, onChange }: { question: IntakeQuestion; value: IntakeAnswerValue | undefined; error: string | undefined; onChange: (value: IntakeAnswerValue | undefined) => void }) {
  const { t } = usePatientText();
  const label = question.required ? `${question.label} ${t("intake.required")}` : question.label;
  const hint = question.help ?? undefined;
  const text = typeof value === "string" ? value : "";
  switch (question.kind) {
    case "short_text":
      return <TextField label={label} hint={hint} error={error} value={text} required={question.required} onChange={(e) => onChange(e.target.value)} />;
    case "long_text":
      return <TextAreaField label={label} hint={hint} error={error} rows={3} value={text} required={question.required} onChange={(e) => onChange(e.target.value)} />;
    case "date":
      return <TextField label={label} hint={hint} error={error} type="date" value={text} required={question.required} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} />;
    case "single_choice":
      return (
        <SelectField label={label} hint={hint} error={error} value={text} required={question.required} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}>
          <option value="">–</option>
          {question.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      );
    case "yes_no":
      return (
        <fieldset aria-invalid={error !== undefined}>
          <legend>{label}</legend>
          {hint ? <p className={ui.hint}>{hint}</p> : null}
          {[true, false].map((choice) => (
            <label key={String(choice)}>
              <input type="radio" name={`intake-${question.id}`} checked={value === choice} aria-invalid={error !== undefined} onChange={() => onChange(choice)} /> {choice ? t("intake.yes") : t("intake.no")}{" "}
            </label>
          ))}
          {error ? (
            <p role="alert" className={ui.error}>
              {error}
            </p>
          ) : null}
        </fieldset>
      );
    case "multiple_choice": {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset aria-invalid={error !== undefined}>
          <legend>{label}</legend>
          {hint ? <p className={ui.hint}>{hint}</p> : null}
          {question.options.map((option) => (
            <label key={option}>
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                aria-invalid={error !== undefined}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option);
                  onChange(next.length === 0 ? undefined : next);
                }}
              />{" "}
              {option}{" "}
            </label>
          ))}
          {error ? (
            <p role="alert" className={ui.error}>
              {error}
            </p>
          ) : null}
        </fieldset>
      );
    }
  }
}
