// Intake forms (ADR 0037): the questions an admin asks per service, and the answers a patient
// gives. The answers' schema is built from the very questions they answer, so the booking form and
// the server check them with the same rules.
import { z } from "zod";
import { clinicSlug, id, localDate, text, token } from "./fields";

export const INTAKE_QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multiple_choice", "yes_no", "date"] as const;
export type IntakeQuestionKind = (typeof INTAKE_QUESTION_KINDS)[number];
const CHOICE_KINDS: readonly IntakeQuestionKind[] = ["single_choice", "multiple_choice"];
export const isChoiceKind = (kind: IntakeQuestionKind) => CHOICE_KINDS.includes(kind);

export const MAX_INTAKE_QUESTIONS = 40;
export const SHORT_ANSWER_MAX = 300;
export const LONG_ANSWER_MAX = 5000;

/** A question's key within its form: kept across versions, so an answer names what it answered. */
export const intakeQuestionId = z
  .string()
  .min(1, "Not a question id")
  .max(40, "Not a question id")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lowercase letters, digits, - and _ for the question's key");

export const intakeQuestion = z
  .object({
    id: intakeQuestionId,
    kind: z.enum(INTAKE_QUESTION_KINDS, { error: "Choose what kind of answer the question takes" }),
    label: text(300, "Keep the question under 300 characters", "Write the question"),
    help: text(1000, "Keep the help text under 1000 characters")
      .optional()
      .nullable()
      .transform((value) => (value ? value : null)),
    required: z.boolean().default(false),
    options: z.array(text(200, "Keep each choice under 200 characters", "A choice cannot be empty")).max(30, "At most 30 choices").default([]),
  })
  .superRefine((question, issues) => {
    if (isChoiceKind(question.kind)) {
      if (question.options.length < 2) issues.addIssue({ code: "custom", path: ["options"], message: "Give at least two choices" });
      if (new Set(question.options).size !== question.options.length) issues.addIssue({ code: "custom", path: ["options"], message: "Each choice must differ from the others" });
    } else if (question.options.length > 0) {
      issues.addIssue({ code: "custom", path: ["options"], message: "Only choice questions have choices" });
    }
  });

export type IntakeQuestion = z.output<typeof intakeQuestion>;

export const intakeQuestions = z
  .array(intakeQuestion)
  .max(MAX_INTAKE_QUESTIONS, `At most ${MAX_INTAKE_QUESTIONS} questions`)
  .superRefine((questions, issues) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.id)) issues.addIssue({ code: "custom", path: [index, "id"], message: "Two questions have the same key" });
      seen.add(question.id);
    });
  });

export const intakeFormInput = z.object({ serviceId: id });
/** Saving writes a new version; `basedOnVersion` is the version the admin edited (null for the first), a stale one is refused. */
export const saveIntakeFormInput = z.object({ serviceId: id, basedOnVersion: z.number().int().min(0).max(1_000_000).nullable(), questions: intakeQuestions });
export const intakeAnswersInput = z.object({ appointmentId: id });

/** One answer's value: text, a date, one choice, several choices, or yes/no. */
export type IntakeAnswerValue = string | string[] | boolean;
export type IntakeAnswerMap = Record<string, IntakeAnswerValue>;

const REQUIRED = "This question needs an answer";

function answerSchema(question: IntakeQuestion): z.ZodType<IntakeAnswerValue | undefined> {
  const optional = !question.required;
  switch (question.kind) {
    case "short_text":
    case "long_text": {
      const max = question.kind === "short_text" ? SHORT_ANSWER_MAX : LONG_ANSWER_MAX;
      const body = text(max, `Keep the answer under ${max} characters`, optional ? undefined : REQUIRED);
      // A blank optional answer is no answer.
      return optional ? z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), body.optional()) : z.string(REQUIRED).pipe(body);
    }
    case "date":
      return optional ? z.preprocess((value) => (value === "" ? undefined : value), localDate.optional()) : z.string(REQUIRED).min(1, REQUIRED).pipe(localDate);
    case "yes_no": {
      const yesNo = z.boolean("Answer yes or no");
      return optional ? yesNo.optional() : z.boolean(REQUIRED);
    }
    case "single_choice": {
      const choice = z.enum(question.options as [string, ...string[]], { error: "Choose one of the options" });
      return optional ? z.preprocess((value) => (value === "" ? undefined : value), choice.optional()) : choice;
    }
    case "multiple_choice": {
      const choices = z
        .array(z.enum(question.options as [string, ...string[]], { error: "Choose among the options" }), "Choose among the options")
        .max(question.options.length, "Choose each option once")
        .refine((values) => new Set(values).size === values.length, "Choose each option once");
      return optional ? choices.optional() : choices.min(1, REQUIRED);
    }
  }
}

/**
 * The schema of a complete set of answers to `questions`: required ones present, each of its
 * kind, and no answer to a question the form does not ask. Field errors come out under the
 * question's key.
 */
export function intakeAnswersSchema(questions: readonly IntakeQuestion[]) {
  return z.strictObject(Object.fromEntries(questions.map((question) => [question.id, answerSchema(question)])), {
    error: (issue) => (issue.code === "unrecognized_keys" ? "The form does not ask that question" : "Answer the form's questions"),
  });
}

/** The shape of any set of answers: by question key, each text, yes/no or a list of choices. */
const answerShapes = z
  .record(
    intakeQuestionId,
    z.union([z.string().max(LONG_ANSWER_MAX + 100, "This answer is too long"), z.boolean(), z.array(z.string().max(300, "This choice is too long")).max(30, "Too many choices")], {
      error: "Answer with text, yes or no, or a list of choices",
    }),
    { error: "Send the answers by question" },
  )
  .refine((answers) => Object.keys(answers).length <= MAX_INTAKE_QUESTIONS, "Too many answers");

/** What the booking page sends: the form version it showed, and the answers. */
export const intakeSubmission = z.object({
  formVersionId: id,
  answers: z.unknown().transform((value, issues) => {
    // One message at the field, whatever is nested wrong inside: which answer each question takes is checked against the form's version.
    // Checked on the raw keys too: a record drops "__proto__" before its key schema sees it.
    if (typeof value === "object" && value !== null && Object.keys(value).some((key) => !intakeQuestionId.safeParse(key).success)) {
      issues.addIssue({ code: "custom", message: "Send the answers by question" });
      return z.NEVER;
    }
    const parsed = answerShapes.safeParse(value);
    if (parsed.success) return parsed.data;
    issues.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "Send the answers by question" });
    return z.NEVER;
  }),
});

const manageToken = token(200, "This link is not valid");

export const publicIntakeFormInput = z.object({ clinicSlug, serviceId: id });
export const bookingIntakeInput = z.object({ token: manageToken });
export const answerBookingIntakeInput = z.object({ token: manageToken, intake: intakeSubmission });

/** The privacy notice as a clinic sets it: where it is and its version; both or neither. */
export const privacyNoticeInput = z
  .object({
    url: z
      .string()
      .trim()
      .max(500, "Keep the address under 500 characters")
      .pipe(z.url({ protocol: /^https?$/, error: "Enter the notice's web address (https://…)" }))
      .nullable(),
    version: text(40, "Keep the version under 40 characters", "Name the notice's version (e.g. 2026-01)").nullable(),
  })
  .refine((notice) => (notice.url === null) === (notice.version === null), { path: ["version"], message: "Give the notice's address and its version together" });

/** Retention (ADR 0038): the legal period records are kept, and when inactive patients are anonymised. */
export const retentionInput = z
  .object({
    retentionYears: z.number("Enter a number of years").int("Whole years").min(0, "Cannot be negative").max(100, "At most 100 years").nullable(),
    anonymiseInactiveAfterYears: z.number("Enter a number of years").int("Whole years").min(1, "At least 1 year").max(100, "At most 100 years").nullable(),
  })
  .refine((r) => r.anonymiseInactiveAfterYears === null || r.anonymiseInactiveAfterYears >= (r.retentionYears ?? 0), {
    path: ["anonymiseInactiveAfterYears"],
    message: "Anonymise no sooner than the legal retention period allows",
  });

export const erasePatientInput = z.object({ patientId: id });

export type SaveIntakeFormInput = z.input<typeof saveIntakeFormInput>;
export type IntakeSubmission = z.output<typeof intakeSubmission>;
