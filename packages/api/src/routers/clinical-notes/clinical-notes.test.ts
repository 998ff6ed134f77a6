// Clinical notes (ADR 0026): who may read them, signed notes are final, amendments keep the original.
import { withTenant } from "@frontdesk/db";
import { clinicalNotes } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { postgresErrorCode } from "@frontdesk/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { codeOf, createStaffWorld, refusal } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

const SECRET = "Suspected hairline fracture of the left tibia";

async function world() {
  const w = await createStaffWorld(db);
  const practitioner = await w.as("practitioner");
  const { patientId, appointmentId } = w.staffed.clinic;
  /** A signed note on the fixture's appointment. */
  const signedNote = async (body = SECRET) => {
    const draft = await practitioner.notes.saveDraft({ patientId, appointmentId, content: { body, sections: [{ heading: "Plan", text: "X-ray" }] } });
    return practitioner.notes.sign({ noteId: draft.id, expectedVersion: draft.version });
  };
  /** What a staff scope of `role` reads from the table itself, whatever the API does. */
  const rowsAs = (role: "receptionist" | "practitioner") =>
    withTenant(db, { clinicId: w.clinicId, userId: w.staffed.userIds[role], role }, (tx) => tx.select({ id: clinicalNotes.id }).from(clinicalNotes));
  return { ...w, practitioner, patientId, appointmentId, signedNote, rowsAs };
}

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string; cause?: { reason?: string } }).cause?.reason ?? String(error);
  }
};

describe("a practitioner's note", () => {
  it("is saved as a draft while typed, signed once, and audited on create, sign and every read", async () => {
    const { practitioner, patientId, appointmentId, audited } = await world();
    const started = await audited(() => practitioner.notes.saveDraft({ patientId, appointmentId, content: { body: "Knee" } }));
    expect(started.result).toMatchObject({ status: "draft", version: 1, content: { body: "Knee", sections: [] }, authorName: "Test practitioner" });
    expect(started.rows.map((r) => r.action)).toEqual(["create"]);
    const draft = started.result!;
    const typed = await audited(() => practitioner.notes.saveDraft({ noteId: draft.id, patientId, content: { body: "Knee pain since March" }, expectedVersion: 1 }));
    expect(typed.result).toMatchObject({ version: 2, content: { body: "Knee pain since March" } });
    expect(typed.rows).toEqual([]);
    // A save from an older version (another window) is refused, and nothing is written.
    expect(await reasonOf(practitioner.notes.saveDraft({ noteId: draft.id, patientId, content: { body: "stale" }, expectedVersion: 1 }))).toBe("STALE_VERSION");
    const signed = await audited(() => practitioner.notes.sign({ noteId: draft.id, expectedVersion: 2 }));
    expect(signed.result).toMatchObject({ status: "signed", signedAt: "2026-11-22T09:00:00.000Z", content: { body: "Knee pain since March" } });
    expect(signed.rows.map((r) => [r.action, r.entityId])).toEqual([["sign", draft.id]]);
    const read = await audited(() => practitioner.notes.list({ patientId, appointmentId }));
    expect(read.result!.notes.map((n) => n.id)).toEqual([draft.id]);
    expect(read.rows.map((r) => [r.action, r.entity, r.entityId])).toEqual([["view", "clinical_note", draft.id]]);
    expect(JSON.stringify(read.rows)).not.toContain("Knee");
  });

  it("once signed cannot change by any procedure, nor in the database", async () => {
    const { practitioner, patientId, signedNote, clinicId, staffed } = await world();
    const note = await signedNote();
    expect(await reasonOf(practitioner.notes.saveDraft({ noteId: note.id, patientId, content: { body: "rewritten" }, expectedVersion: note.version }))).toBe("NOTE_SIGNED");
    expect(await reasonOf(practitioner.notes.sign({ noteId: note.id, expectedVersion: note.version }))).toBe("NOTE_SIGNED");
    expect(await reasonOf(practitioner.notes.discardDraft({ noteId: note.id, expectedVersion: note.version }))).toBe("NOTE_SIGNED");
    const scope = { clinicId, userId: staffed.userIds.practitioner, role: "practitioner" as const };
    const direct = async (statement: ReturnType<typeof sql>) => {
      try {
        await withTenant(db, scope, (tx) => tx.execute(statement));
        return "changed";
      } catch (error) {
        return postgresErrorCode(error);
      }
    };
    expect(await direct(sql`update clinical_notes set content = 'x' where id = ${note.id}`)).toBe("55000");
    expect(await direct(sql`update clinical_notes set signed_at = null where id = ${note.id}`)).toBe("55000");
    expect(await direct(sql`delete from clinical_notes where id = ${note.id}`)).toBe("55000");
    const [still] = (await practitioner.notes.list({ patientId })).notes;
    expect(still).toMatchObject({ id: note.id, status: "signed", content: { body: SECRET } });
  });

  it("is corrected by an amendment that keeps the original as it was signed", async () => {
    const { practitioner, patientId, appointmentId, signedNote, clock } = await world();
    const original = await signedNote();
    clock.advance(24 * 60 * 60_000);
    const amendment = await practitioner.notes.saveDraft({ patientId, amendsNoteId: original.id, content: { body: "Correction: right tibia, not left" } });
    expect(amendment).toMatchObject({ amendsNoteId: original.id, appointmentId, status: "draft" });
    await practitioner.notes.sign({ noteId: amendment.id, expectedVersion: amendment.version });
    const { notes } = await practitioner.notes.list({ patientId });
    expect(notes.map((n) => [n.id, n.amendsNoteId, n.status, n.content.body])).toEqual([
      [original.id, null, "signed", SECRET],
      [amendment.id, original.id, "signed", "Correction: right tibia, not left"],
    ]);
    // Only signed notes are amended, and only originals (one flat history per note).
    const draft = await practitioner.notes.saveDraft({ patientId, content: { body: "draft" } });
    expect(await codeOf(practitioner.notes.saveDraft({ patientId, amendsNoteId: draft.id, content: { body: "x" } }))).toBe("NOT_FOUND");
    expect(await codeOf(practitioner.notes.saveDraft({ patientId, amendsNoteId: amendment.id, content: { body: "x" } }))).toBe("BAD_REQUEST");
  });
});

describe("reading notes", () => {
  it("is never possible for a receptionist, by any procedure, nor in the database", async () => {
    const { as, patientId, appointmentId, signedNote, rowsAs } = await world();
    await signedNote();
    const desk = await as("receptionist");
    expect(await reasonOf(desk.notes.list({ patientId }))).toBe("ROLE_NOT_ALLOWED");
    expect(await reasonOf(desk.notes.policy())).toBe("ROLE_NOT_ALLOWED");
    // Every read a receptionist has of the patient and the appointment: none carries a note.
    const answers = [
      await desk.patients.get({ patientId }),
      await desk.patients.search({ query: "pat" }),
      await desk.appointments.get({ id: appointmentId }),
      await desk.calendar.range({ from: "2030-01-01", to: "2030-01-31" }),
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toMatch(/tibia|fdx1/);
    expect(await reasonOf(desk.patients.export({ patientId }))).toBe("ROLE_NOT_ALLOWED");
    // The live feed: a change to the noted appointment reaches the receptionist without the note.
    const feed = (await desk.calendar.changes({}))[Symbol.asyncIterator]();
    const next = feed.next();
    const { version } = await desk.appointments.get({ id: appointmentId });
    await desk.appointments.setStatus({ id: appointmentId, version, status: "confirmed" });
    const event = await next;
    expect(JSON.stringify(event.value)).toContain(appointmentId);
    expect(JSON.stringify(event.value)).not.toMatch(/tibia|fdx1/);
    await feed.return!();
    expect(await rowsAs("receptionist")).toEqual([]);
    expect((await rowsAs("practitioner")).length).toBeGreaterThan(0);
  });

  it("is closed to owners and admins until an owner opens it; they may read, never write", async () => {
    const { as, patientId, signedNote, audited } = await world();
    const note = await signedNote();
    const owner = await as("owner");
    const admin = await as("admin");
    expect(await reasonOf(admin.notes.list({ patientId }))).toBe("NOTES_CLOSED_TO_ADMINS");
    expect(await reasonOf(owner.notes.list({ patientId }))).toBe("NOTES_CLOSED_TO_ADMINS");
    expect(await reasonOf(admin.notes.setOpenToAdmins({ open: true }))).toBe("ROLE_NOT_ALLOWED");
    const opened = await audited(() => owner.notes.setOpenToAdmins({ open: true }));
    expect(opened.rows[0]).toMatchObject({ action: "update", entity: "clinic", changes: { clinicalNotesOpenToAdmins: [false, true] } });
    expect(await admin.notes.policy()).toEqual({ openToAdmins: true });
    const read = await admin.notes.list({ patientId });
    expect(read).toMatchObject({ canWrite: false, notes: [{ id: note.id, content: { body: SECRET } }] });
    expect(await reasonOf(admin.notes.saveDraft({ patientId, content: { body: "x" } }))).toBe("ROLE_NOT_ALLOWED");
  });

  it("shows a draft to its author only", async () => {
    const { as, practitioner, patientId, staffed, inClinic } = await world();
    const draft = await practitioner.notes.saveDraft({ patientId, content: { body: "thinking aloud" } });
    await (await as("owner")).notes.setOpenToAdmins({ open: true });
    expect((await (await as("admin")).notes.list({ patientId })).notes).toEqual([]);
    // The fixture's placeholder draft belongs to the owner: the practitioner sees only their own.
    expect((await practitioner.notes.list({ patientId })).notes.map((n) => n.id)).toEqual([draft.id]);
    const [row] = await inClinic((tx) => tx.select().from(clinicalNotes).where(eq(clinicalNotes.id, draft.id)));
    expect(row!.authorUserId).toBe(staffed.userIds.practitioner);
  });
});

describe("bad input", () => {
  it.each([
    ["saveDraft", "content", { patientId: crypto.randomUUID(), content: { body: "x".repeat(5001) } }],
    ["saveDraft", "content", { patientId: crypto.randomUUID(), content: { sections: [{ heading: "", text: "x" }] } }],
    ["saveDraft", "content", { patientId: crypto.randomUUID(), content: { body: "bell\u0007" } }],
    ["saveDraft", "patientId", { patientId: "nope", content: {} }],
    ["saveDraft", "expectedVersion", { noteId: crypto.randomUUID(), patientId: crypto.randomUUID(), content: {}, expectedVersion: 0 }],
    ["sign", "expectedVersion", { noteId: crypto.randomUUID() }],
    ["list", "appointmentId", { patientId: crypto.randomUUID(), appointmentId: 5 }],
  ] as const)("%s refuses bad input %# naming %s, and writes nothing", async (name, field, input) => {
    const { practitioner, rowsAs } = await world();
    const before = (await rowsAs("practitioner")).length;
    const call = practitioner.notes[name] as (input: unknown) => Promise<unknown>;
    expect(await refusal(call(input))).toEqual({ code: "BAD_REQUEST", fields: [field] });
    expect((await rowsAs("practitioner")).length).toBe(before);
  });

  it("refuses notes on another clinic's patient or another patient's appointment", async () => {
    const { practitioner, patientId } = await world();
    const other = await world();
    expect(await codeOf(practitioner.notes.saveDraft({ patientId: other.patientId, content: { body: "x" } }))).toBe("NOT_FOUND");
    expect(await codeOf(practitioner.notes.list({ patientId: other.patientId }))).toBe("NOT_FOUND");
    expect(await codeOf(practitioner.notes.saveDraft({ patientId, appointmentId: other.appointmentId, content: { body: "x" } }))).toBe("NOT_FOUND");
  });
});
