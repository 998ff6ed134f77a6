// Possible duplicates before a record is added, and merging two records (ADR 0036): every
// appointment, waitlist entry and note survives the merge, and unmerge splits them back.
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWorld } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

let w: Awaited<ReturnType<typeof createStaffWorld>>;
type Caller = Awaited<ReturnType<typeof w.as>>;
let admin: Caller;
let receptionist: Caller;
beforeAll(async () => {
  w = await createStaffWorld(db);
  admin = await w.as("admin");
  receptionist = await w.as("receptionist");
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return `${error.code}:${(error.cause as { reason?: string } | undefined)?.reason ?? ""}`;
}

const book = (patientId: string, start: string) =>
  receptionist.appointments.create({ practitionerId: w.staffed.clinic.practitionerId, serviceId: w.staffed.clinic.serviceId, start, patientId });

describe("patients.duplicates", () => {
  it("shows the records with the same e-mail, phone, or name and date of birth, saying which", async () => {
    const kept = await receptionist.patients.create({ fullName: "Hélène Garnier", email: "helene@example.test", phone: "06 11 22 33 44", dateOfBirth: "1984-05-02" });
    const find = async (input: Parameters<Caller["patients"]["duplicates"]>[0]) => (await receptionist.patients.duplicates(input)).items.filter((p) => p.id === kept.id).map((p) => p.matchedOn);
    expect(await find({ email: "HELENE@example.test" })).toEqual([["email"]]);
    expect(await find({ phone: "+33 6 11 22 33 44" })).toEqual([["phone"]]);
    expect(await find({ fullName: "helene garnier", dateOfBirth: "1984-05-02" })).toEqual([["nameAndBirth"]]);
    expect(await find({ fullName: "Hélène Garnier", dateOfBirth: "1984-05-03" })).toEqual([]);
    expect(await find({ fullName: "Hélène Garnier" })).toEqual([]);
    expect((await receptionist.patients.duplicates({})).items).toEqual([]);
    expect(await refusal(receptionist.patients.duplicates({ email: "not an address" }))).toBe("BAD_REQUEST:");
  });
});

describe("patients.merge", () => {
  it("moves every appointment, waitlist entry and note to the kept record, and unmerge splits them back", async () => {
    const kept = await receptionist.patients.create({ fullName: "Paul Lefèvre", email: "paul@example.test", notes: "Allergic to latex" });
    const duplicate = await receptionist.patients.create({ fullName: "Paul Lefevre", phone: "0677889900", notes: "Prefers mornings" });
    const theirs = [await book(duplicate.id, "2031-03-03T09:00:00Z"), await book(duplicate.id, "2031-03-10T09:00:00Z"), await book(duplicate.id, "2031-03-17T09:00:00Z")];
    const ours = await book(kept.id, "2031-03-04T09:00:00Z");
    await receptionist.waitlist.add({ patientId: duplicate.id, serviceId: w.staffed.clinic.serviceId, fromDate: "2031-03-01", toDate: "2031-03-31" });

    expect(await refusal(receptionist.patients.merge({ sourceId: duplicate.id, targetId: kept.id }))).toBe("FORBIDDEN:ROLE_NOT_ALLOWED");
    const merged = await admin.patients.merge({ sourceId: duplicate.id, targetId: kept.id });
    expect(merged.moved).toMatchObject({ appointments: 3, waitlistEntries: 1 });

    const record = await admin.patients.get({ patientId: kept.id });
    expect(record.appointments.map((a) => a.id).sort()).toEqual([...theirs.map((a) => a.id), ours.id].sort());
    // The duplicate's phone fills the gap; its notes, decrypted and sealed again under the kept record.
    expect(record.patient).toMatchObject({ phone: "+33677889900", notes: "Allergic to latex\n\n--- Merged from the record of Paul Lefevre ---\nPrefers mornings" });
    expect((await admin.waitlist.list({ status: "waiting" })).items.filter((e) => e.patientId === kept.id)).toHaveLength(1);
    expect((await admin.patients.get({ patientId: duplicate.id })).patient.archivedAt).not.toBeNull();
    expect((await admin.patients.search({ query: "lefevre" })).items.map((p) => p.id)).toEqual([kept.id]);
    expect(await refusal(admin.patients.merge({ sourceId: duplicate.id, targetId: kept.id }))).toBe("CONFLICT:ALREADY_DONE");

    const audit = await w.auditRows();
    expect(audit.find((r) => r.action === "merge" && r.entityId === duplicate.id)?.changes).toMatchObject({ mergedInto: [null, kept.id] });

    const split = await admin.patients.unmerge({ sourceId: duplicate.id });
    expect(split.moved).toMatchObject({ appointments: 3, waitlistEntries: 1 });
    expect((await admin.patients.get({ patientId: duplicate.id })).appointments.map((a) => a.id).sort()).toEqual(theirs.map((a) => a.id).sort());
    expect((await admin.patients.get({ patientId: kept.id })).appointments.map((a) => a.id)).toEqual([ours.id]);
    expect((await admin.patients.get({ patientId: duplicate.id })).patient).toMatchObject({ archivedAt: null, notes: "Prefers mornings" });
  });

  it("refuses a patient merged into themselves, unknown records and bad ids, and changes nothing", async () => {
    const alone = await receptionist.patients.create({ fullName: "Solo Patient" });
    expect(await refusal(admin.patients.merge({ sourceId: alone.id, targetId: alone.id }))).toBe("BAD_REQUEST:SAME_PATIENT");
    expect(await refusal(admin.patients.merge({ sourceId: crypto.randomUUID(), targetId: alone.id }))).toBe("NOT_FOUND:NOT_FOUND");
    expect(await refusal(admin.patients.merge({ sourceId: "nope", targetId: alone.id }))).toBe("BAD_REQUEST:");
    expect(await refusal(admin.patients.unmerge({ sourceId: alone.id }))).toBe("CONFLICT:ALREADY_DONE");
    expect((await admin.patients.get({ patientId: alone.id })).patient.archivedAt).toBeNull();
  });
});
