// Intake forms (ADR 0037) against the real database: versions keep the questions that were
// answered, answers are checked on the server and stored as ciphertext, consent goes with each booking.
import { withTenant } from "@frontdesk/db";
import { appointments, auditLog, intakeAnswers, intakeFormVersions } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import type { IntakeQuestion } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "../../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

// The test clock says 2026-11-22T09:00Z; the bookings are on 2026-12-01 (Paris, winter).
const at = (localTime: string) => new Date(`2026-12-01T${localTime}:00+01:00`).toISOString();

const ALLERGY = "Allergic to penicillin since 1998";
const QUESTIONS: IntakeQuestion[] = [
  { id: "allergies", kind: "long_text", label: "Any allergies?", help: "Medicines, food, latex", required: true, options: [] },
  { id: "first-visit", kind: "yes_no", label: "Is this your first visit?", help: null, required: true, options: [] },
  { id: "pain", kind: "single_choice", label: "Where does it hurt?", help: null, required: false, options: ["Back", "Knee", "Neck"] },
  { id: "since", kind: "date", label: "Since when?", help: null, required: false, options: [] },
  { id: "sports", kind: "multiple_choice", label: "Sports you practise", help: null, required: false, options: ["Running", "Tennis", "Swimming"] },
  { id: "referrer", kind: "short_text", label: "Who referred you?", help: null, required: false, options: [] },
];

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const cause = error.cause as { reason?: string; fieldErrors?: Record<string, string[]> } | undefined;
  return { code: error.code, reason: cause?.reason, fields: Object.keys(cause?.fieldErrors ?? {}).sort(), message: error.message };
}

async function setup() {
  const clinic = await createBookableClinic(db);
  const { deps, clock } = createTestDeps(db);
  const as = async (userId: string) => callerFor(deps, await sessionFor(deps, userId, clinic.clinicId)).caller;
  const owner = await as(clinic.ownerUserId);
  const practitioner = await as(clinic.practitionerUserId);
  const receptionist = await as(clinic.receptionistUserId);
  const anyone = callerFor(deps).caller.public;
  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
  const book = (start: string, extra: Record<string, unknown> = {}) =>
    anyone.book({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      start,
      patient: { name: "Léa Martin", email: `lea-${crypto.randomUUID().slice(0, 8)}@example.test` },
      idempotencyKey: crypto.randomUUID(),
      ...extra,
    });
  const saveForm = async (questions: IntakeQuestion[]) => {
    const { form } = await owner.intake.form({ serviceId: clinic.serviceId });
    return (await owner.intake.saveForm({ serviceId: clinic.serviceId, basedOnVersion: form?.version ?? null, questions })).form;
  };
  const counts = () =>
    inClinic(async (tx) => ({
      appointments: (await tx.select().from(appointments)).length,
      answers: (await tx.select().from(intakeAnswers)).length,
    }));
  return { clinic, deps, clock, owner, practitioner, receptionist, anyone, inClinic, book, saveForm, counts };
}

const goodAnswers = { allergies: ALLERGY, "first-visit": true, pain: "Knee", since: "2026-10-01", sports: ["Running", "Tennis"] };

describe("an intake form", () => {
  it("is asked at booking, and an answer given to it keeps its question after the form changes", async () => {
    const { saveForm, anyone, clinic, book, practitioner } = await setup();
    const v1 = await saveForm(QUESTIONS);
    expect(v1.version).toBe(1);
    const asked = await anyone.intakeForm({ clinicSlug: clinic.slug, serviceId: clinic.serviceId });
    expect(asked.form).toMatchObject({ id: v1.id, version: 1, questions: QUESTIONS });
    const booked = await book(at("10:00"), { intake: { formVersionId: v1.id, answers: goodAnswers } });
    // The admin rewords the allergy question and drops the others: a new version, the old one untouched.
    const v2 = await saveForm([{ ...QUESTIONS[0]!, label: "List your allergies" }]);
    expect(v2.version).toBe(2);
    const seen = await practitioner.intake.answers({ appointmentId: booked.appointment.id });
    expect(seen.answers).toHaveLength(1);
    expect(seen.answers[0]).toMatchObject({ formVersion: 1, answeredVia: "booking" });
    expect(seen.answers[0]!.items.map((i) => [i.question.label, i.answer])).toEqual([
      ["Any allergies?", ALLERGY],
      ["Is this your first visit?", true],
      ["Where does it hurt?", "Knee"],
      ["Since when?", "2026-10-01"],
      ["Sports you practise", ["Running", "Tennis"]],
      ["Who referred you?", null],
    ]);
    // A page still showing version 1 is told to look again, and books nothing.
    expect(await failure(book(at("11:00"), { intake: { formVersionId: v1.id, answers: goodAnswers } }))).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
  });

  it("stores the answers as ciphertext: a row read straight from PostgreSQL does not show them", async () => {
    const { saveForm, book, inClinic } = await setup();
    const form = await saveForm(QUESTIONS);
    const booked = await book(at("10:00"), { intake: { formVersionId: form.id, answers: goodAnswers } });
    const rows = await inClinic((tx) => tx.execute<{ answers: string }>(sql`select answers from intake_answers where appointment_id = ${booked.appointment.id}`));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toMatch(/^fdx1\./);
    expect(rows[0]!.answers).not.toMatch(/penicillin|Knee|Running/);
  });

  it("enforces required questions on the server with a message per question, and books nothing", async () => {
    const { saveForm, book, counts } = await setup();
    const form = await saveForm(QUESTIONS);
    const before = await counts();
    expect(await failure(book(at("10:00")))).toMatchObject({ code: "BAD_REQUEST", reason: "INVALID_INPUT", fields: ["intake.answers.allergies", "intake.answers.first-visit"] });
    const bad = { allergies: "   ", "first-visit": "yes", pain: "Elbow", since: "2026-02-30", sports: ["Running", "Running"], unknown: "x" };
    expect(await failure(book(at("10:00"), { intake: { formVersionId: form.id, answers: bad } }))).toMatchObject({
      code: "BAD_REQUEST",
      reason: "INVALID_INPUT",
      fields: ["intake.answers", "intake.answers.allergies", "intake.answers.first-visit", "intake.answers.pain", "intake.answers.since", "intake.answers.sports"],
    });
    expect(await failure(book(at("10:00"), { intake: { formVersionId: form.id, answers: { ...goodAnswers, allergies: "x".repeat(5001) } } }))).toMatchObject({ fields: ["intake.answers.allergies"] });
    expect(await failure(book(at("10:00"), { intake: { formVersionId: "not-an-id", answers: {} } }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await counts()).toEqual(before);
  });

  it("can be answered later from the manage link, until the appointment starts", async () => {
    const { saveForm, book, anyone, practitioner, clock, inClinic } = await setup();
    const booked = await book(at("10:00"));
    const form = await saveForm(QUESTIONS);
    const token = booked.manageToken;
    expect(await anyone.booking.intake({ token })).toMatchObject({ form: { id: form.id }, canAnswer: true });
    expect(await failure(anyone.booking.answerIntake({ token, intake: { formVersionId: form.id, answers: {} } }))).toMatchObject({ reason: "INVALID_INPUT" });
    await anyone.booking.answerIntake({ token, intake: { formVersionId: form.id, answers: { allergies: "None", "first-visit": false } } });
    const seen = await practitioner.intake.answers({ appointmentId: booked.appointment.id });
    expect(seen.answers.map((a) => [a.answeredVia, a.items[0]!.answer])).toEqual([["manage_link", "None"]]);
    const audit = await inClinic((tx) => tx.select().from(auditLog).where(eq(auditLog.entity, "intake_answers")));
    expect(audit.map((r) => [r.action, r.actorKind])).toEqual([["answer", "patient_link"], ["view", "user"]]);
    clock.set(new Date(at("10:00")));
    expect(await anyone.booking.intake({ token })).toMatchObject({ canAnswer: false });
    expect(await failure(anyone.booking.answerIntake({ token, intake: { formVersionId: form.id, answers: { allergies: "x", "first-visit": false } } }))).toMatchObject({
      reason: "INVALID_TRANSITION",
    });
  });

  it("is read by clinicians only: a receptionist gets no answers by the procedure nor from the table", async () => {
    const { saveForm, book, receptionist, owner, clinic } = await setup();
    const form = await saveForm(QUESTIONS);
    const booked = await book(at("10:00"), { intake: { formVersionId: form.id, answers: goodAnswers } });
    expect(await failure(receptionist.intake.answers({ appointmentId: booked.appointment.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(JSON.stringify(await receptionist.appointments.get({ id: booked.appointment.id }))).not.toMatch(/penicillin|fdx1/);
    const rows = await withTenant(db, { clinicId: clinic.clinicId, userId: clinic.receptionistUserId, role: "receptionist" }, (tx) => tx.select().from(intakeAnswers));
    expect(rows).toEqual([]);
    expect((await owner.intake.answers({ appointmentId: booked.appointment.id })).answers).toHaveLength(1);
  });

  it("refuses a stale save, bad questions, and another clinic's service", async () => {
    const { saveForm, owner, receptionist, clinic, inClinic } = await setup();
    const other = await setup();
    await saveForm(QUESTIONS);
    expect(await failure(owner.intake.saveForm({ serviceId: clinic.serviceId, basedOnVersion: null, questions: [] }))).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
    const bad = async (question: Record<string, unknown>) => failure(owner.intake.saveForm({ serviceId: clinic.serviceId, basedOnVersion: 1, questions: [question as never] }));
    expect(await bad({ id: "a", kind: "single_choice", label: "Pick", options: ["Only one"] })).toMatchObject({ code: "BAD_REQUEST" });
    expect(await bad({ id: "a", kind: "yes_no", label: "Ok?", options: ["Yes", "No"] })).toMatchObject({ code: "BAD_REQUEST" });
    expect(await bad({ id: "Bad Key", kind: "yes_no", label: "Ok?" })).toMatchObject({ code: "BAD_REQUEST" });
    expect(await bad({ id: "a", kind: "essay", label: "Ok?" })).toMatchObject({ code: "BAD_REQUEST" });
    expect(await bad({ id: "a", kind: "yes_no", label: "" })).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(owner.intake.saveForm({ serviceId: clinic.serviceId, basedOnVersion: 1, questions: [QUESTIONS[0]!, QUESTIONS[0]!] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(owner.intake.saveForm({ serviceId: other.clinic.serviceId, basedOnVersion: null, questions: [] }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(receptionist.intake.saveForm({ serviceId: clinic.serviceId, basedOnVersion: 1, questions: [] }))).toMatchObject({ code: "FORBIDDEN" });
    const versions = await inClinic((tx) => tx.select().from(intakeFormVersions).where(eq(intakeFormVersions.serviceId, clinic.serviceId)));
    expect(versions.map((v) => v.version)).toEqual([1]);
  });
});

describe("the privacy notice", () => {
  it("must be accepted to book once the clinic has one, and each booking records its version and time", async () => {
    const { owner, anyone, clinic, book, inClinic, counts, practitioner } = await setup();
    const unasked = await book(at("09:00"));
    await owner.intake.setPrivacyNotice({ url: "https://clinic.example/privacy", version: "2026-01" });
    expect((await anyone.intakeForm({ clinicSlug: clinic.slug, serviceId: clinic.serviceId })).privacyNotice).toEqual({ url: "https://clinic.example/privacy", version: "2026-01" });
    const before = await counts();
    expect(await failure(book(at("10:00")))).toMatchObject({ code: "BAD_REQUEST", reason: "INVALID_INPUT", fields: ["privacyNoticeVersion"] });
    expect(await failure(book(at("10:00"), { privacyNoticeVersion: "2025-06" }))).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
    expect(await counts()).toEqual(before);
    const booked = await book(at("10:00"), { privacyNoticeVersion: "2026-01" });
    const rows = await inClinic((tx) => tx.select().from(appointments));
    const consent = (id: string) => rows.find((r) => r.id === id)!;
    expect(consent(booked.appointment.id)).toMatchObject({ privacyNoticeVersion: "2026-01", privacyConsentedAt: new Date("2026-11-22T09:00:00Z") });
    expect(consent(unasked.appointment.id)).toMatchObject({ privacyNoticeVersion: null, privacyConsentedAt: null });
    expect((await practitioner.intake.answers({ appointmentId: booked.appointment.id })).consent).toEqual({ version: "2026-01", at: "2026-11-22T09:00:00.000Z" });
    expect(await failure(owner.intake.setPrivacyNotice({ url: "javascript:alert(1)", version: "x" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(owner.intake.setPrivacyNotice({ url: "https://clinic.example/privacy", version: null }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
