// The clinic's intake questions, answered later from the manage link (ADR 0037): shown while the
// form is open (before the visit starts), checked with the schema the server uses, then sent.
// The answers are never shown back: a forwarded link must reveal nothing clinical.
import type { IntakeAnswerMap, IntakeQuestion } from "@frontdesk/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { describeFailure, type Failure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { intakeServerErrors, IntakeQuestions, withAnswer, type IntakeErrors } from "../booking/IntakeQuestions";
import { checkIntakeAnswers } from "../booking/validate-intake";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { ErrorNotice, SuccessNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";

export function ManageIntake({ token }: { token: string }) {
  const trpc = useTRPC();
  const { t } = usePatientText();
  const intake = useQuery(trpc.public.booking.intake.queryOptions({ token }));
  const [sent, setSent] = useState(false);
  if (sent) return <SuccessNotice title={t("manage.intakeSent")} />;
  // The questions are an extra on this page: while they load, or if they cannot, the appointment itself still shows.
  const form = intake.data?.form;
  if (!form || !intake.data?.canAnswer) return null;
  return <IntakeAnswerForm key={form.id} token={token} formVersionId={form.id} questions={form.questions} onSent={() => setSent(true)} onChanged={() => void intake.refetch()} />;
}

function IntakeAnswerForm(props: { token: string; formVersionId: string; questions: IntakeQuestion[]; onSent: () => void; onChanged: () => void }) {
  const trpc = useTRPC();
  const { t } = usePatientText();
  const [answers, setAnswers] = useState<IntakeAnswerMap>({});
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [failure, setFailure] = useState<Failure>();
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const send = useMutation(
    trpc.public.booking.answerIntake.mutationOptions({
      onSuccess: () => props.onSent(),
      onError: (error) => {
        const described = describeFailure(error);
        const fieldErrors = described.kind === "invalid" ? intakeServerErrors(described.fieldErrors) : {};
        setErrors(fieldErrors);
        setFailure(described);
        if (Object.keys(fieldErrors).length > 0) setAttempt((n) => n + 1);
        // The clinic changed its questions: load the new version (this form remounts with it).
        if (described.reason === "STALE_VERSION") props.onChanged();
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkIntakeAnswers(props.questions, answers);
    setErrors(found.errors);
    setFailure(undefined);
    if (Object.keys(found.errors).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    send.mutate({ token: props.token, intake: { formVersionId: props.formVersionId, answers: found.answers } });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="manage-intake-heading" style={{ marginTop: "1.5rem" }}>
      <StepHeading id="manage-intake-heading">{t("intake.heading")}</StepHeading>
      <p className={ui.hint}>{t("intake.hint")}</p>
      <IntakeQuestions questions={props.questions} answers={answers} errors={errors} onChange={(id, value) => setAnswers((all) => withAnswer(all, id, value))} />
      {failure ? <ErrorNotice title={t("manage.intakeFailed")} message={failureMessage(failure, t)} /> : null}
      <div className={ui.actions}>
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? t("manage.intakeSending") : t("manage.intakeSend")}
        </Button>
      </div>
    </form>
  );
}

/** The server words its refusals in English; the patient reads this page's catalogue. */
function failureMessage(failure: Failure, t: TFunction): string {
  if (failure.reason === "INVALID_TRANSITION") return t("manage.intakeClosed");
  if (failure.reason === "STALE_VERSION") return t("intake.changed");
  if (failure.kind === "invalid" && Object.keys(intakeServerErrors(failure.fieldErrors)).length > 0) return t("manage.intakeCheck");
  return patientFailureMessage(failure, t);
}
