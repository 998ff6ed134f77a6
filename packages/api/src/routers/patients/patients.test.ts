import { appointments } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { codeOf, createStaffWorld, refusal } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

async function world() {
  const w = await createStaffWorld(db);
  const receptionist = await w.as("receptionist");
  const elodie = await receptionist.patients.create({ fullName: "Élodie Dupré", email: "Elodie.Dupre@Example.test", phone: "06.12.34.56.78" });
  const zoe = await receptionist.patients.create({ fullName: "Zoë Müller", email: "zoe@mail.test", phone: "+41 44 668 18 00" });
  const jean = await receptionist.patients.create({ fullName: "Jean Martin_Percent%" });
  return { ...w, receptionist, elodie, zoe, jean };
}

describe("patients.search", () => {
  it("finds fragments of name, e-mail and phone, ignoring accents and case", async () => {
    const { receptionist, elodie, zoe, jean } = await world();
    const find = async (query: string) => (await receptionist.patients.search({ query })).items.map((p) => p.id);
    expect(await find("elodie")).toEqual([elodie.id]);
    expect(await find("DUPRE")).toEqual([elodie.id]);
    expect(await find("dupré")).toEqual([elodie.id]);
    expect(await find("ÉLO")).toEqual([elodie.id]);
    expect(await find("zoe mull")).toEqual([zoe.id]);
    expect(await find("muller zo")).toEqual([zoe.id]);
    expect(await find("mail.te")).toEqual([zoe.id]);
    expect(await find("elodie.dupre@example")).toEqual([elodie.id]);
    expect(await find("06 12 34")).toEqual([elodie.id]);
    expect(await find("0612345678")).toEqual([elodie.id]);
    expect(await find("44 668")).toEqual([zoe.id]);
    expect(await find("elodie zoe")).toEqual([]);
    // Wildcards are text.
    expect(await find("%")).toEqual([jean.id]);
    expect(await find("n_p")).toEqual([jean.id]);
    expect(await find("t_")).toEqual([]);
    // An empty query lists everyone, by name.
    expect((await receptionist.patients.search({})).items.map((p) => p.fullName)).toEqual(["Élodie Dupré", "Jean Martin_Percent%", "Pat Test", "Zoë Müller"]);
  });

  it("pages through the results and counts them", async () => {
    const { receptionist } = await world();
    for (const n of [3, 1, 5, 2, 4]) await receptionist.patients.create({ fullName: `Paging Person ${n}` });
    const first = await receptionist.patients.search({ query: "paging", pageSize: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items.map((p) => p.fullName)).toEqual(["Paging Person 1", "Paging Person 2"]);
    const third = await receptionist.patients.search({ query: "paging", pageSize: 2, page: 3 });
    expect(third.items.map((p) => p.fullName)).toEqual(["Paging Person 5"]);
    expect((await receptionist.patients.search({ query: "paging", pageSize: 2, page: 4 })).items).toEqual([]);
  });

  it("shows only the clinic's own patients", async () => {
    const { receptionist } = await world();
    const other = await world();
    const mine = await receptionist.patients.search({ query: "elodie" });
    expect(mine.items.map((p) => p.id)).not.toContain(other.elodie.id);
    expect(mine.total).toBe(1);
  });
});

describe("patients.get", () => {
  it("returns the record, its appointments newest first and the no-show count, and audits the view", async () => {
    const { as, audited, staffed, inClinic } = await world();
    const { clinicId, patientId, practitionerId, serviceId, appointmentId } = staffed.clinic;
    const at = (iso: string) => new Date(iso);
    await inClinic((tx) =>
      tx.insert(appointments).values([
        { clinicId, patientId, practitionerId, serviceId, status: "no_show", source: "online", startsAt: at("2026-10-01T09:00:00Z"), endsAt: at("2026-10-01T09:30:00Z"), blockedFrom: at("2026-10-01T09:00:00Z"), blockedTo: at("2026-10-01T09:30:00Z") },
        { clinicId, patientId, practitionerId, serviceId, status: "completed", source: "staff", startsAt: at("2026-10-08T09:00:00Z"), endsAt: at("2026-10-08T09:30:00Z"), blockedFrom: at("2026-10-08T09:00:00Z"), blockedTo: at("2026-10-08T09:30:00Z") },
      ]),
    );
    const practitioner = await as("practitioner");
    const viewed = await audited(() => practitioner.patients.get({ patientId }));
    expect(viewed.result!.patient).toMatchObject({ id: patientId, fullName: "Pat Test", archivedAt: null });
    expect(viewed.result!.appointments.map((a) => [a.startsAt, a.status])).toEqual([
      ["2030-01-07T09:00:00.000Z", "booked"],
      ["2026-10-08T09:00:00.000Z", "completed"],
      ["2026-10-01T09:00:00.000Z", "no_show"],
    ]);
    expect(viewed.result!.appointments[0]).toMatchObject({ id: appointmentId, serviceName: "Consultation", practitionerName: "Dr Test" });
    expect(viewed.result!.noShowCount).toBe(1);
    expect(viewed.rows).toHaveLength(1);
    expect(viewed.rows[0]).toMatchObject({ action: "view", entity: "patient", entityId: patientId, actorUserId: staffed.userIds.practitioner, changes: null });
  });

  it("of another clinic is NOT_FOUND and leaves no trace in either audit log", async () => {
    const { receptionist, audited } = await world();
    const other = await world();
    const before = (await other.auditRows()).length;
    const attempt = await audited(() => receptionist.patients.get({ patientId: other.elodie.id }));
    expect((attempt.failure as { code?: string }).code).toBe("NOT_FOUND");
    expect(attempt.rows).toEqual([]);
    expect((await other.auditRows()).length).toBe(before);
    expect(await codeOf(receptionist.patients.update({ patientId: other.elodie.id, fullName: "Mine" }))).toBe("NOT_FOUND");
    expect(await codeOf(receptionist.patients.archive({ patientId: other.elodie.id }))).toBe("NOT_FOUND");
    expect((await (await other.as("owner")).patients.get({ patientId: other.elodie.id })).patient.fullName).toBe("Élodie Dupré");
  });
});

describe("patients.create and update", () => {
  it("write one audit row each, naming changed fields without copying the notes", async () => {
    const { receptionist, audited } = await world();
    const created = await audited(() => receptionist.patients.create({ fullName: "Ana Lima", dateOfBirth: "1990-04-02", notes: "Allergic to latex" }));
    expect(created.result).toMatchObject({ fullName: "Ana Lima", email: null, dateOfBirth: "1990-04-02", notes: "Allergic to latex" });
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({ action: "create", entity: "patient", entityId: created.result!.id });
    expect(JSON.stringify(created.rows[0]!.changes)).not.toContain("latex");

    const updated = await audited(() =>
      receptionist.patients.update({ patientId: created.result!.id, email: "ANA@example.test", notes: "Allergic to latex and penicillin", dateOfBirth: null }),
    );
    expect(updated.result).toMatchObject({ email: "ana@example.test", dateOfBirth: null, notes: "Allergic to latex and penicillin" });
    expect(updated.rows).toHaveLength(1);
    expect(updated.rows[0]!.changes).toEqual({ email: [null, "ana@example.test"], dateOfBirth: ["1990-04-02", null], notes: ["(changed)", "(changed)"] });
  });
});

describe("patients.update with expectedUpdatedAt", () => {
  it("refuses an edit made from a version someone else has changed since, naming the current record", async () => {
    const { receptionist, clock, audited } = await world();
    const opened = await receptionist.patients.create({ fullName: "Ana Lima", phone: "0601020304" });
    clock.advance(60_000);
    const colleague = await receptionist.patients.update({ patientId: opened.id, expectedUpdatedAt: opened.updatedAt, email: "ana@example.test" });
    expect(colleague.updatedAt).not.toBe(opened.updatedAt);

    clock.advance(60_000);
    const stale = await audited(() => receptionist.patients.update({ patientId: opened.id, expectedUpdatedAt: opened.updatedAt, phone: "0700000000" }));
    expect(stale.failure).toMatchObject({ code: "CONFLICT", message: "Someone else changed Ana Lima's record while you were editing it" });
    expect(stale.rows).toEqual([]);
    expect((await receptionist.patients.get({ patientId: opened.id })).patient).toMatchObject({ phone: "+33601020304", email: "ana@example.test" });

    const fresh = await receptionist.patients.update({ patientId: opened.id, expectedUpdatedAt: colleague.updatedAt, phone: "0700000000" });
    expect(fresh).toMatchObject({ phone: "+33700000000", email: "ana@example.test" });
  });
});

describe("patients.archive", () => {
  it("drops the patient out of search but keeps the record and its history", async () => {
    const { as, audited, receptionist, staffed, inClinic } = await world();
    const { patientId, appointmentId } = staffed.clinic;
    expect((await receptionist.patients.search({ query: "pat test" })).total).toBe(1);

    // The fixture's patient is booked in 2030: archiving waits until that is cancelled.
    const refused = await audited(() => receptionist.patients.archive({ patientId }));
    expect((refused.failure as { code?: string }).code).toBe("CONFLICT");
    expect(refused.rows).toEqual([]);
    await inClinic((tx) => tx.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, appointmentId)));

    expect(await codeOf((await as("practitioner")).patients.archive({ patientId }))).toBe("FORBIDDEN");
    const archived = await audited(() => receptionist.patients.archive({ patientId }));
    expect(archived.result!.archivedAt).toBe("2026-11-22T09:00:00.000Z");
    expect(archived.rows).toHaveLength(1);
    expect(archived.rows[0]).toMatchObject({ action: "archive", entity: "patient", entityId: patientId });

    expect((await receptionist.patients.search({ query: "pat test" })).total).toBe(0);
    expect((await receptionist.patients.search({})).items.map((p) => p.id)).not.toContain(patientId);
    const record = await receptionist.patients.get({ patientId });
    expect(record.patient.archivedAt).toBe("2026-11-22T09:00:00.000Z");
    expect(record.appointments.map((a) => a.id)).toEqual([appointmentId]);
    expect(await codeOf(receptionist.patients.archive({ patientId }))).toBe("CONFLICT");
  });
});

describe("bad input", () => {
  it.each([
    ["search", "query", { query: "x".repeat(10_000) }],
    ["search", "pageSize", { pageSize: 1000 }],
    ["search", "page", { page: 0 }],
    ["get", "patientId", { patientId: "x".repeat(10_000) }],
    ["get", "patientId", {}],
    ["create", "fullName", { fullName: "" }],
    ["create", "fullName", { fullName: "x".repeat(10_000) }],
    ["create", "email", { fullName: "A", email: "nope" }],
    ["create", "phone", { fullName: "A", phone: "call me" }],
    ["create", "phone", { fullName: "A", phone: "1".repeat(10_000) }],
    ["create", "dateOfBirth", { fullName: "A", dateOfBirth: "1990-02-30" }],
    ["create", "notes", { fullName: "A", notes: "x".repeat(10_000) }],
    ["update", "email", { patientId: crypto.randomUUID(), email: "x".repeat(10_000) }],
    ["update", "patientId", { patientId: 7 }],
    ["update", "expectedUpdatedAt", { patientId: crypto.randomUUID(), expectedUpdatedAt: "yesterday" }],
    ["archive", "patientId", { patientId: "x".repeat(10_000) }],
  ] as const)("%s refuses bad input %# with BAD_REQUEST naming %s", async (name, field, input) => {
    const { as } = await createStaffWorld(db);
    const call = (await as("admin")).patients[name] as (input: unknown) => Promise<unknown>;
    expect(await refusal(call(input))).toEqual({ code: "BAD_REQUEST", fields: [field] });
  });
});
