// Encryption at rest (ADR 0025): what PostgreSQL holds is ciphertext bound to its row, a missing
// or wrong master key fails loudly, and both rotations keep every value readable.
import { withTenant } from "@frontdesk/db";
import { clinicalNotes, clinicDataKeys, intakeAnswers, patients } from "@frontdesk/db/schema";
import { connectAsApp, connectAsOwner } from "@frontdesk/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { callerFor, createBookableClinic, createTestDeps, sessionFor, TEST_MASTER_KEY } from "../testing";
import { codeOf, createStaffWorld } from "../testing/staff-world";
import { ENCRYPTED, fieldLabel } from "./fields";
import { environmentKeyProvider } from "./key-provider";
import { sealedAnswers } from "../intake/forms";
import { reencryptClinic, rewrapDataKeys } from "./rotation";
import { createVault } from "./vault";

const { db, close } = connectAsApp();
const owner = connectAsOwner();
afterAll(async () => {
  await close();
  await owner.close();
});

const otherMasterKey = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);

/** A clinic with a patient note and an appointment note written through the API. */
async function clinicWithNotes() {
  const world = await createStaffWorld(db);
  // The fixture's placeholders (so that every tenant table has a row) are not real keys or ciphertext.
  await world.inClinic(async (tx) => {
    await tx.delete(clinicalNotes).where(eq(clinicalNotes.clinicId, world.clinicId));
    await tx.delete(intakeAnswers).where(eq(intakeAnswers.clinicId, world.clinicId));
    await tx.delete(clinicDataKeys).where(eq(clinicDataKeys.clinicId, world.clinicId));
  });
  const receptionist = await world.as("receptionist");
  const patient = await receptionist.patients.create({ fullName: "Ana Lima", notes: "Allergic to latex" });
  const { clinic } = world.staffed;
  const appointment = await receptionist.appointments.create({
    practitionerId: clinic.practitionerId,
    serviceId: clinic.serviceId,
    patientId: patient.id,
    start: "2030-02-04T10:00:00.000Z",
    notes: "Bring the knee scan",
  });
  const practitioner = await world.as("practitioner");
  const note = await practitioner.notes.saveDraft({ patientId: patient.id, appointmentId: appointment.id, content: { body: "Knee pain since March", sections: [] } });
  // Intake answers as the booking writes them (ADR 0037), to the fixture's form version.
  await withTenant(db, { clinicId: world.clinicId, userId: null, role: "public" }, async (tx) => {
    const answers = { clinicId: world.clinicId, appointmentId: appointment.id, formVersionId: clinic.intakeFormVersionId, answers: { allergies: "Latex" }, via: "booking" as const, at: new Date() };
    await tx.insert(intakeAnswers).values(await sealedAnswers(world.deps.vault.forClinic(tx, world.clinicId), answers));
  });
  /** The rows as PostgreSQL stores them, read as the owner role without the vault. */
  const stored = () =>
    withTenant(owner.db, { clinicId: world.clinicId, userId: null, role: "owner" }, async (tx) => ({
      patient: (await tx.execute<{ notes: string }>(sql`select notes from patients where id = ${patient.id}`))[0]!.notes,
      appointment: (await tx.execute<{ notes: string }>(sql`select notes from appointments where id = ${appointment.id}`))[0]!.notes,
    }));
  /** A caller whose server holds `vault` instead of the test one. */
  const withVault = async (vault: ReturnType<typeof createVault>) => {
    const { deps, logger } = createTestDeps(db, { vault });
    return { caller: callerFor(deps, await sessionFor(deps, world.staffed.userIds.practitioner, world.clinicId)).caller, logger };
  };
  return { ...world, receptionist, practitioner, patient, appointment, note, stored, withVault };
}

describe("encrypted fields", () => {
  it("are ciphertext in PostgreSQL for every field in the list, and plain text to staff", async () => {
    const { clinicId, receptionist, patient, appointment, stored } = await clinicWithNotes();
    const raw = await stored();
    expect(raw.patient).toMatch(/^fdx1\.[0-9a-f-]{36}\.[\w-]{16}\.[\w-]+$/);
    expect(raw.appointment).toMatch(/^fdx1\./);
    expect(raw.patient).not.toContain("latex");
    // Every listed column of this clinic, whatever wrote it: nothing but ciphertext.
    const fields = Object.values(ENCRYPTED);
    expect(fields.map(fieldLabel).sort()).toEqual(["appointments.notes", "clinical_notes.content", "intake_answers.answers", "patients.notes"]);
    await withTenant(owner.db, { clinicId, userId: null, role: "owner" }, async (tx) => {
      for (const field of fields) {
        const values = await tx.execute<{ value: string }>(sql`select ${field.column} as value from ${field.table} where ${field.column} is not null`);
        expect(values.length, fieldLabel(field)).toBeGreaterThan(0);
        for (const { value } of values) expect(value, fieldLabel(field)).toMatch(/^fdx1\./);
      }
    });
    expect((await receptionist.patients.get({ patientId: patient.id })).patient.notes).toBe("Allergic to latex");
    expect((await receptionist.appointments.get({ id: appointment.id })).notes).toBe("Bring the knee scan");
  });

  it("written at online booking are ciphertext too, and staff read them", async () => {
    const clinic = await createBookableClinic(db);
    const { deps } = createTestDeps(db);
    const booked = await callerFor(deps).caller.public.book({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      start: "2026-11-23T10:00:00.000Z",
      patient: { name: "Léa Martin", email: "lea@example.test" },
      note: "First visit, lower back pain",
      idempotencyKey: crypto.randomUUID(),
    });
    const id = booked.appointment.id;
    const [row] = await withTenant(owner.db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.execute<{ notes: string }>(sql`select notes from appointments where id = ${id}`));
    expect(row!.notes).toMatch(/^fdx1\./);
    expect(row!.notes).not.toContain("back");
    const staff = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
    expect((await staff.appointments.get({ id })).notes).toBe("First visit, lower back pain");
  });

  it("cannot be moved to another row: the read fails loudly, without the value in the answer or the log", async () => {
    const { clinicId, receptionist, patient, stored, deps, withVault } = await clinicWithNotes();
    const other = await receptionist.patients.create({ fullName: "Ben Okafor", notes: "Nothing to report" });
    const { patient: sealed } = await stored();
    await withTenant(owner.db, { clinicId, userId: null, role: "owner" }, (tx) => tx.update(patients).set({ notes: sealed }).where(eq(patients.id, other.id)));
    const { caller, logger } = await withVault(deps.vault);
    const failure = await caller.patients.get({ patientId: other.id }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(String((failure as Error).message)).not.toMatch(/latex|fdx1|notes/);
    const logged = logger.lines.at(-1)!;
    expect(logged.fields.error).toMatchObject({ kind: "CiphertextRejectedError" });
    expect(JSON.stringify(logged)).not.toContain("latex");
    // The original row still opens.
    expect((await receptionist.patients.get({ patientId: patient.id })).patient.notes).toBe("Allergic to latex");
  });

  it("refuse a value that is not ciphertext instead of showing it", async () => {
    const { clinicId, receptionist, patient } = await clinicWithNotes();
    await withTenant(owner.db, { clinicId, userId: null, role: "owner" }, (tx) => tx.update(patients).set({ notes: "planted plain text" }).where(eq(patients.id, patient.id)));
    expect(await codeOf(receptionist.patients.get({ patientId: patient.id }))).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("the master key", () => {
  it("when wrong, fails every read loudly and never answers garbage or null", async () => {
    const { patient, appointment, withVault } = await clinicWithNotes();
    const { caller, logger } = await withVault(createVault(environmentKeyProvider(otherMasterKey)));
    expect(await codeOf(caller.patients.get({ patientId: patient.id }))).toBe("INTERNAL_SERVER_ERROR");
    expect(await codeOf(caller.appointments.get({ id: appointment.id }))).toBe("INTERNAL_SERVER_ERROR");
    expect(logger.lines.at(-1)!.fields.error).toMatchObject({ kind: "MasterKeyUnavailableError" });
  });

  it("rotates by re-wrapping the data keys: the data stays as it is, the old key stops working", async () => {
    const { clinicId, patient, appointment, stored, withVault } = await clinicWithNotes();
    const before = await stored();
    const rotating = environmentKeyProvider(otherMasterKey, [TEST_MASTER_KEY]);
    expect(await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => rewrapDataKeys(tx, clinicId, rotating))).toBe(1);
    expect(await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => rewrapDataKeys(tx, clinicId, rotating))).toBe(0);
    expect(await stored()).toEqual(before);
    const rotated = await withVault(createVault(environmentKeyProvider(otherMasterKey)));
    expect((await rotated.caller.patients.get({ patientId: patient.id })).patient.notes).toBe("Allergic to latex");
    expect((await rotated.caller.appointments.get({ id: appointment.id })).notes).toBe("Bring the knee scan");
    const retired = await withVault(createVault(environmentKeyProvider(TEST_MASTER_KEY)));
    expect(await codeOf(retired.caller.patients.get({ patientId: patient.id }))).toBe("INTERNAL_SERVER_ERROR");
    expect(retired.logger.lines.at(-1)!.fields.error).toMatchObject({ kind: "MasterKeyUnavailableError" });
  });

  it("is required in production and must be 32 bytes of base64", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://x@localhost/x", PUBLIC_URL: "https://book.example.test" };
    expect(() => parseConfig(production)).toThrow(/MASTER_KEY: required in production/);
    expect(() => parseConfig({ ...production, MASTER_KEY: btoa("short") })).toThrow(/MASTER_KEY: must be 32 random bytes/);
    expect(() => parseConfig({ MASTER_KEY_PREVIOUS: "not a key" })).toThrow(/MASTER_KEY_PREVIOUS/);
    expect(parseConfig({ ...production, MASTER_KEY: btoa("k".repeat(32)) }).MASTER_KEY).toHaveLength(32);
  });
});

describe("reencrypt", () => {
  it("moves every value to a new data key, deletes the old one, and encrypts plain text left from before", async () => {
    const { clinicId, receptionist, practitioner, patient, appointment, note, stored, deps } = await clinicWithNotes();
    await practitioner.notes.sign({ noteId: note.id, expectedVersion: note.version });
    const legacy = await receptionist.patients.create({ fullName: "Chloé Bernard" });
    await withTenant(owner.db, { clinicId, userId: null, role: "owner" }, (tx) => tx.update(patients).set({ notes: "Written before encryption" }).where(eq(patients.id, legacy.id)));
    const keyIdOf = (value: string) => value.split(".")[1];
    const oldKey = keyIdOf((await stored()).patient);
    const rewritten = await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => reencryptClinic(tx, clinicId, deps.vault, new Date("2026-11-22T10:00:00Z")));
    expect(rewritten).toBe(5);
    const after = await stored();
    expect(keyIdOf(after.patient)).not.toBe(oldKey);
    expect(keyIdOf(after.appointment)).toBe(keyIdOf(after.patient));
    const keys = await withTenant(db, { clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(clinicDataKeys).where(eq(clinicDataKeys.clinicId, clinicId)));
    expect(keys.map((k) => [k.id, k.retiredAt])).toEqual([[keyIdOf(after.patient), null]]);
    expect((await receptionist.patients.get({ patientId: patient.id })).patient.notes).toBe("Allergic to latex");
    expect((await receptionist.appointments.get({ id: appointment.id })).notes).toBe("Bring the knee scan");
    expect((await receptionist.patients.get({ patientId: legacy.id })).patient.notes).toBe("Written before encryption");
    const [signed] = (await practitioner.notes.list({ patientId: patient.id })).notes;
    expect(signed).toMatchObject({ id: note.id, status: "signed", content: { body: "Knee pain since March" } });
  });
});
