// Intake forms (ADR 0037): a service's current form, one version by id, checking a patient's
// answers against the version they answered, and writing and reading those answers (encrypted).
import type { Transaction } from "@frontdesk/db";
import { intakeAnswers, intakeFormVersions } from "@frontdesk/db/schema";
import { fieldErrorsOf, intakeAnswersSchema, intakeQuestions, type IntakeAnswerMap, type IntakeQuestion, type IntakeSubmission } from "@frontdesk/domain";
import { and, desc, eq } from "drizzle-orm";
import type { ClinicCipher } from "../encryption/vault";
import { ENCRYPTED } from "../encryption/fields";
import { ConflictError, InvalidFieldsError } from "../errors";

export interface IntakeForm {
  id: string;
  serviceId: string;
  version: number;
  questions: IntakeQuestion[];
  createdAt: string;
}

type VersionRow = typeof intakeFormVersions.$inferSelect;

// Stored questions passed the same schema when they were saved; parsing again keeps their type honest.
const present = (row: VersionRow): IntakeForm => ({
  id: row.id,
  serviceId: row.serviceId,
  version: row.version,
  questions: intakeQuestions.parse(row.questions),
  createdAt: row.createdAt.toISOString(),
});

/** The service's newest form version, or null when it never had one. */
export async function currentForm(tx: Transaction, clinicId: string, serviceId: string): Promise<IntakeForm | null> {
  const [row] = await tx
    .select()
    .from(intakeFormVersions)
    .where(and(eq(intakeFormVersions.clinicId, clinicId), eq(intakeFormVersions.serviceId, serviceId)))
    .orderBy(desc(intakeFormVersions.version))
    .limit(1);
  return row ? present(row) : null;
}

export async function formVersionById(tx: Transaction, clinicId: string, versionId: string): Promise<IntakeForm | null> {
  const [row] = await tx.select().from(intakeFormVersions).where(and(eq(intakeFormVersions.clinicId, clinicId), eq(intakeFormVersions.id, versionId)));
  return row ? present(row) : null;
}

/** Whether the form asks anything: a service without a form, or whose newest version is empty, asks nothing. */
export const asksQuestions = (form: IntakeForm | null): form is IntakeForm => form !== null && form.questions.length > 0;

/**
 * The answers a patient gives to the service's current form, checked against its questions.
 * Answers to an older version are refused (the page showed questions the clinic has since
 * changed: the patient should see the new ones); a missing or wrong answer is a field error
 * under `intake.answers.<question key>`.
 */
export function checkedAnswers(form: IntakeForm | null, submission: IntakeSubmission | undefined): { formVersionId: string; answers: IntakeAnswerMap } | null {
  if (!asksQuestions(form)) {
    if (submission && Object.keys(submission.answers).length > 0) throw new ConflictError("This service no longer asks intake questions: reload the page", { reason: "STALE_VERSION" });
    return null;
  }
  if (submission && submission.formVersionId !== form.id) {
    throw new ConflictError("The clinic changed its questions since the page was loaded: please review them", { reason: "STALE_VERSION" });
  }
  const parsed = intakeAnswersSchema(form.questions).safeParse(submission?.answers ?? {});
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([path, messages]) => [path ? `intake.answers.${path}` : "intake.answers", messages]));
    throw new InvalidFieldsError(parsed.error.issues.length === 1 ? parsed.error.issues[0]!.message : "Some answers need another look", fieldErrors);
  }
  return { formVersionId: form.id, answers: parsed.data as IntakeAnswerMap };
}

export interface NewAnswers {
  clinicId: string;
  appointmentId: string;
  formVersionId: string;
  answers: IntakeAnswerMap;
  via: "booking" | "manage_link";
  at: Date;
}

/** The row to insert for a set of answers, sealed and bound to its own id (ADR 0025). */
export async function sealedAnswers(cipher: ClinicCipher, answers: NewAnswers): Promise<typeof intakeAnswers.$inferInsert> {
  const id = crypto.randomUUID();
  return {
    id,
    clinicId: answers.clinicId,
    appointmentId: answers.appointmentId,
    formVersionId: answers.formVersionId,
    answers: await cipher.seal(ENCRYPTED.intakeAnswers, id, JSON.stringify(answers.answers)),
    answeredVia: answers.via,
    answeredAt: answers.at,
  };
}

/** Every set of answers given for an appointment, newest first, each with the questions of the version it answered. */
export async function answersForAppointment(tx: Transaction, cipher: ClinicCipher, clinicId: string, appointmentId: string) {
  const rows = await tx
    .select({ answer: intakeAnswers, form: intakeFormVersions })
    .from(intakeAnswers)
    .innerJoin(intakeFormVersions, and(eq(intakeFormVersions.clinicId, intakeAnswers.clinicId), eq(intakeFormVersions.id, intakeAnswers.formVersionId)))
    .where(and(eq(intakeAnswers.clinicId, clinicId), eq(intakeAnswers.appointmentId, appointmentId)))
    .orderBy(desc(intakeAnswers.answeredAt), desc(intakeAnswers.id));
  return Promise.all(
    rows.map(async ({ answer, form }) => {
      const values = JSON.parse(await cipher.open(ENCRYPTED.intakeAnswers, answer.id, answer.answers)) as IntakeAnswerMap;
      const version = present(form);
      return {
        id: answer.id,
        formVersion: version.version,
        answeredVia: answer.answeredVia as NewAnswers["via"],
        answeredAt: answer.answeredAt.toISOString(),
        // Each question of the version answered, with its answer (null when it was left out).
        items: version.questions.map((question) => ({ question, answer: Object.hasOwn(values, question.id) ? values[question.id]! : null })),
      };
    }),
  );
}

export type AppointmentIntake = Awaited<ReturnType<typeof answersForAppointment>>[number];
