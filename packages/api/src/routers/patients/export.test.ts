// The patient's right of access: everything the clinic holds, as JSON and as a readable document.
import { intakeAnswers, intakeFormVersions, messages } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { sealedAnswers } from "../../intake/forms";
import { codeOf, createStaffWorld } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("patients.export", () => {
  it("gives an admin the record, appointments and (when the clinic allows) signed notes, decrypted, and audits it", async () => {
    const { as, audited, staffed, inClinic, deps, clinicId } = await createStaffWorld(db);
    const { patientId, appointmentId, practitionerId, serviceId } = staffed.clinic;
    // What the patient answered at booking, to a form version, and a confirmation sent to them.
    await inClinic(async (tx) => {
      await tx.delete(intakeAnswers).where(eq(intakeAnswers.clinicId, clinicId)); // the fixture's placeholder is not ciphertext
      const [form] = await tx
        .insert(intakeFormVersions)
        .values({ clinicId, serviceId, version: 2, questions: [{ id: "allergies", kind: "short_text", label: "Any allergies?", help: null, required: true, options: [] }] })
        .returning();
      const answers = { clinicId, appointmentId, formVersionId: form!.id, answers: { allergies: "Penicillin" }, via: "booking" as const, at: new Date("2026-11-20T08:00:00Z") };
      await tx.insert(intakeAnswers).values(await sealedAnswers(deps.vault.forClinic(tx, clinicId), answers));
      await tx.update(messages).set({ recipient: "pat@example.test" }).where(eq(messages.clinicId, clinicId));
    });
    const desk = await as("receptionist");
    await desk.patients.update({ patientId, email: "pat@example.test", notes: "Prefers mornings" });
    await desk.appointments.create({ practitionerId, serviceId, patientId, start: "2030-02-04T10:00:00.000Z", notes: "Bring the scan" });
    const practitioner = await as("practitioner");
    const draft = await practitioner.notes.saveDraft({ patientId, appointmentId, content: { body: "Sprained ankle" } });
    await practitioner.notes.sign({ noteId: draft.id, expectedVersion: draft.version });
    await practitioner.notes.saveDraft({ patientId, content: { body: "unsigned thoughts" } });
    const admin = await as("admin");

    const closed = await audited(() => admin.patients.export({ patientId }));
    expect(closed.result!.data.patient).toMatchObject({ fullName: "Pat Test", email: "pat@example.test", notes: "Prefers mornings" });
    expect(closed.result!.data.appointments.map((a) => a.notes)).toEqual([null, "Bring the scan"]);
    expect(closed.result!.data).toMatchObject({ clinicalNotesIncluded: false, clinicalNotes: [] });
    expect(closed.result!.document).toContain("Prefers mornings");
    expect(closed.result!.document).toContain("Bring the scan");
    expect(closed.result!.document).not.toContain("Sprained");
    expect(closed.result!.data.intakeAnswers).toMatchObject([{ appointmentId, formVersion: 2, items: [{ question: { label: "Any allergies?" }, answer: "Penicillin" }] }]);
    expect(closed.result!.data.messages).toMatchObject([{ kind: "confirmation", channel: "email", recipient: "pat@example.test", status: "sent" }]);
    expect(closed.result!.document).toContain("Any allergies? Penicillin");
    expect(closed.result!.document).toMatch(/MESSAGES \(1\)\n- confirmation by email to pat@example.test, sent/);
    expect(closed.rows.map((r) => [r.action, r.entity, r.entityId, r.changes])).toEqual([["export", "patient", patientId, { clinicalNotes: [null, "withheld"] }]]);

    await (await as("owner")).notes.setOpenToAdmins({ open: true });
    const open = await admin.patients.export({ patientId });
    expect(open.data.clinicalNotes.map((n) => n.content.body)).toEqual(["Sprained ankle"]);
    expect(open.document).toContain("Sprained ankle");
    expect(open.document).not.toContain("unsigned");
  });

  it("is refused to receptionists and practitioners, and NOT_FOUND for another clinic's patient", async () => {
    const { as, staffed } = await createStaffWorld(db);
    const other = await createStaffWorld(db);
    const { patientId } = staffed.clinic;
    expect(await codeOf((await as("receptionist")).patients.export({ patientId }))).toBe("FORBIDDEN");
    expect(await codeOf((await as("practitioner")).patients.export({ patientId }))).toBe("FORBIDDEN");
    expect(await codeOf((await as("admin")).patients.export({ patientId: other.staffed.clinic.patientId }))).toBe("NOT_FOUND");
  });
});
