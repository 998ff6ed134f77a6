// The intake questions as a patient answers them (ADR 0037): one field per question, of its kind,
// with its error. Shared by the booking page's intake step and the manage link's later answers,
// so a question looks and behaves the same wherever it is asked.
import type { IntakeAnswerMap, IntakeAnswerValue, IntakeQuestion } from "@frontdesk/domain";
import { usePatientText } from "../i18n/usePatientText";
import { SelectField, TextAreaField, TextField } from "../ui/Field";
import ui from "../ui/ui.module.css";

/** By question key, whether its answer is missing or wrong (validate-intake.ts, or the server's field errors). */
export type IntakeErrors = Record<string, "required" | "invalid">;

/** The answers with `id` set to `value`; no value removes the answer, so a cleared field is unanswered. */
export function withAnswer(answers: IntakeAnswerMap, id: string, value: IntakeAnswerValue | undefined): IntakeAnswerMap {
  const next = { ...answers };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

/** The server's field errors ("intake.answers.<key>") by question key; their English words give way to the catalogue's. */
export function intakeServerErrors(fieldErrors: Record<string, string[]>): IntakeErrors {
  return Object.fromEntries(
    Object.keys(fieldErrors)
      .filter((path) => path.startsWith("intake.answers."))
      .map((path) => [path.slice("intake.answers.".length), "invalid" as const]),
  );
}

export function IntakeQuestions(props: { questions: readonly IntakeQuestion[]; answers: IntakeAnswerMap; errors: IntakeErrors; onChange: (id: string, value: IntakeAnswerValue | undefined) => void }) {
  const { t } = usePatientText();
  const errorText = (id: string) => (props.errors[id] === "required" ? t("intake.error.required") : props.errors[id] === "invalid" ? t("intake.error.invalid") : undefined);
  return props.questions.map((question) => (
    <Question key={question.id} question={question} value={props.answers[question.id]} error={errorText(question.id)} onChange={(value) => props.onChange(question.id, value)} />
  ));
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
