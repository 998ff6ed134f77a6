// The patient's right of access: everything the clinic holds, as JSON and as a readable document.
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { codeOf, createStaffWorld } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("patients.export", () => {
  it("gives an admin the record, appointments and (when the clinic allows) signed notes, decrypted, and audits it", async () => {
    const { as, audited, staffed } = await createStaffWorld(db);
    const { patientId, appointmentId, practitionerId, serviceId } = staffed.clinic;
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
