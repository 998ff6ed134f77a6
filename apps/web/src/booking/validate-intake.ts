// Checks the intake answers with the schema the server builds from the same questions (ADR 0037).
import { intakeAnswersSchema, type IntakeAnswerMap, type IntakeQuestion } from "@frontdesk/domain";

/** By question key, whether its answer is missing or wrong; the answers as they will be sent. */
export function checkIntakeAnswers(questions: readonly IntakeQuestion[], answers: IntakeAnswerMap): { errors: Record<string, "required" | "invalid">; answers: IntakeAnswerMap } {
  const parsed = intakeAnswersSchema(questions).safeParse(answers);
  if (parsed.success) return { errors: {}, answers: parsed.data as IntakeAnswerMap };
  const errors: Record<string, "required" | "invalid"> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key !== "string" || errors[key]) continue;
    const value = answers[key];
    const blank = value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
    errors[key] = blank ? "required" : "invalid";
  }
  return { errors, answers };
}
