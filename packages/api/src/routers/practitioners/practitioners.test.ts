import { createTestClinic, connectAsApp } from "@frontdesk/db/testing";
import { practitioners } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { codeOf, createStaffWorld, refusal } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("practitioners", () => {
  it("are created, renamed, recoloured and deactivated by an admin, each change audited with old and new values", async () => {
    const { as, audited, staffed } = await createStaffWorld(db);
    const admin = await as("admin");
    const created = await audited(() => admin.practitioners.create({ displayName: "Dr Martin", colour: "#ff0000" }));
    expect(created.result).toMatchObject({ displayName: "Dr Martin", colour: "#ff0000", active: true, serviceIds: [] });
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({ action: "create", entity: "practitioner", entityId: created.result!.id, actorUserId: staffed.userIds.admin });

    const id = created.result!.id;
    const renamed = await audited(() => admin.practitioners.update({ practitionerId: id, displayName: "Dr Martine", active: false }));
    expect(renamed.rows).toHaveLength(1);
    expect(renamed.rows[0]!.changes).toEqual({ displayName: ["Dr Martin", "Dr Martine"], active: [true, false] });

    const listed = await admin.practitioners.list();
    expect(listed.map((p) => p.id)).not.toContain(id);
    const all = await admin.practitioners.list({ includeInactive: true });
    expect(all.find((p) => p.id === id)).toMatchObject({ displayName: "Dr Martine", active: false });
  });

  it("are listed, with the services each offers, to every staff role but changed by admins only", async () => {
    const { as, staffed } = await createStaffWorld(db);
    for (const role of ["owner", "admin", "receptionist", "practitioner"] as const) {
      const list = await (await as(role)).practitioners.list();
      expect(list).toEqual([expect.objectContaining({ id: staffed.clinic.practitionerId, serviceIds: [staffed.clinic.serviceId] })]);
    }
    for (const role of ["receptionist", "practitioner"] as const) {
      const caller = await as(role);
      expect(await codeOf(caller.practitioners.create({ displayName: "Dr Sneaky" }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.practitioners.update({ practitionerId: staffed.clinic.practitionerId, displayName: "x" }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.practitioners.setServices({ practitionerId: staffed.clinic.practitionerId, serviceIds: [] }))).toBe("FORBIDDEN");
    }
  });

  it("offer exactly the services last set; a service of another clinic is NOT_FOUND and changes nothing", async () => {
    const { as, audited, staffed } = await createStaffWorld(db);
    const other = await createTestClinic(db);
    const admin = await as("owner");
    const { practitionerId, serviceId, otherServiceId } = staffed.clinic;
    const set = await audited(() => admin.practitioners.setServices({ practitionerId, serviceIds: [otherServiceId, otherServiceId] }));
    expect(set.result).toEqual({ practitionerId, serviceIds: [otherServiceId] });
    expect(set.rows).toHaveLength(1);
    expect(set.rows[0]!.changes).toEqual({ serviceIds: [[serviceId], [otherServiceId]] });

    const foreign = await audited(() => admin.practitioners.setServices({ practitionerId, serviceIds: [serviceId, other.serviceId] }));
    expect(codeOfError(foreign.failure)).toBe("NOT_FOUND");
    expect(foreign.rows).toEqual([]);
    expect((await admin.practitioners.list()).find((p) => p.id === practitionerId)?.serviceIds).toEqual([otherServiceId]);
    expect(await codeOf(admin.practitioners.setServices({ practitionerId: other.practitionerId, serviceIds: [] }))).toBe("NOT_FOUND");
  });

  it("are deleted only while they have no appointments; afterwards they can only be deactivated", async () => {
    const { as, audited, staffed, inClinic } = await createStaffWorld(db);
    const admin = await as("admin");
    const fresh = await admin.practitioners.create({ displayName: "Dr Temp" });
    const removed = await audited(() => admin.practitioners.remove({ practitionerId: fresh.id }));
    expect(removed.result).toEqual({ removed: true });
    expect(removed.rows).toHaveLength(1);
    expect(await inClinic((tx) => tx.select().from(practitioners).where(eq(practitioners.id, fresh.id)))).toEqual([]);

    // The fixture's practitioner has an appointment.
    const refused = await audited(() => admin.practitioners.remove({ practitionerId: staffed.clinic.practitionerId }));
    expect(codeOfError(refused.failure)).toBe("CONFLICT");
    expect(refused.rows).toEqual([]);
    expect(await inClinic((tx) => tx.select().from(practitioners).where(eq(practitioners.id, staffed.clinic.practitionerId)))).toHaveLength(1);
  });

  it("link to the sign-in of a member of the clinic, one practitioner per sign-in", async () => {
    const { as, staffed } = await createStaffWorld(db);
    const admin = await as("admin");
    const linked = await admin.practitioners.update({ practitionerId: staffed.clinic.practitionerId, userId: staffed.userIds.practitioner });
    expect(linked.userId).toBe(staffed.userIds.practitioner);
    expect(await codeOf(admin.practitioners.create({ displayName: "Dr Twin", userId: staffed.userIds.practitioner }))).toBe("CONFLICT");
    // A signed-up user who is not a member of this clinic.
    expect(await codeOf(admin.practitioners.create({ displayName: "Dr Stranger", userId: staffed.userIds.patient }))).toBe("NOT_FOUND");
    const unlinked = await admin.practitioners.update({ practitionerId: staffed.clinic.practitionerId, userId: null });
    expect(unlinked.userId).toBeNull();
  });

  it("of another clinic are NOT_FOUND for every procedure, and stay unchanged", async () => {
    const { as } = await createStaffWorld(db);
    const other = await createTestClinic(db);
    const admin = await as("owner");
    const id = other.practitionerId;
    expect(await codeOf(admin.practitioners.update({ practitionerId: id, displayName: "Mine now" }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.practitioners.remove({ practitionerId: id }))).toBe("NOT_FOUND");
    expect((await admin.practitioners.list({ includeInactive: true })).map((p) => p.id)).not.toContain(id);
  });

  it.each([
    ["create", { displayName: "" }, "displayName"],
    ["create", { displayName: "x".repeat(10_000) }, "displayName"],
    ["create", { displayName: "Dr X", colour: "red" }, "colour"],
    ["create", { displayName: "Dr X", userId: "not-a-uuid" }, "userId"],
    ["update", { practitionerId: "x".repeat(10_000) }, "practitionerId"],
    ["update", { practitionerId: crypto.randomUUID(), active: "yes" }, "active"],
    ["setServices", { practitionerId: crypto.randomUUID(), serviceIds: ["nope"] }, "serviceIds"],
    ["setServices", { practitionerId: crypto.randomUUID(), serviceIds: Array.from({ length: 201 }, () => crypto.randomUUID()) }, "serviceIds"],
    ["remove", {}, "practitionerId"],
  ] as const)("%s refuses bad input %# with BAD_REQUEST naming %s", async (name, input, field) => {
    const { as } = await createStaffWorld(db);
    const admin = await as("admin");
    const call = admin.practitioners[name] as (input: unknown) => Promise<unknown>;
    expect(await refusal(call(input))).toEqual({ code: "BAD_REQUEST", fields: [field] });
  });
});

function codeOfError(error: unknown): string | undefined {
  return (error as { code?: string } | undefined)?.code;
}
