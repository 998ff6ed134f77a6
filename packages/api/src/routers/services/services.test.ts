import { appointments, services } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor } from "../../testing";
import { codeOf, createStaffWorld, refusal } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

// The test clock stands on Sunday 2026-11-22 09:00Z; the fixture's practitioner works Mondays
// 09:00-17:00 in Paris (UTC+1), so Monday 2026-11-23 runs from 08:00Z to 16:00Z.
const MONDAY = "2026-11-23";

describe("services", () => {
  it("are created and updated by admins, each change audited with old and new values", async () => {
    const { as, audited } = await createStaffWorld(db);
    const admin = await as("admin");
    const created = await audited(() => admin.services.create({ name: "Massage", durationMinutes: 45, priceCents: 6000 }));
    expect(created.result).toMatchObject({
      name: "Massage",
      durationMinutes: 45,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      priceCents: 6000,
      bookableOnline: true,
      active: true,
      practitionerIds: [],
    });
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({ action: "create", entity: "service", entityId: created.result!.id });

    const updated = await audited(() => admin.services.update({ serviceId: created.result!.id, durationMinutes: 60, priceCents: null, name: "Massage" }));
    expect(updated.result).toMatchObject({ durationMinutes: 60, priceCents: null });
    expect(updated.rows).toHaveLength(1);
    expect(updated.rows[0]!.changes).toEqual({ durationMinutes: [45, 60], priceCents: [6000, null] });
  });

  it("are read by every staff role; receptionists and practitioners cannot change them", async () => {
    const { as, staffed } = await createStaffWorld(db);
    for (const role of ["owner", "admin", "receptionist", "practitioner"] as const) {
      const list = await (await as(role)).services.list();
      expect(list.map((s) => s.name)).toEqual(["Consultation", "Follow-up"]);
      expect(list[0]!.practitionerIds).toEqual([staffed.clinic.practitionerId]);
    }
    for (const role of ["receptionist", "practitioner"] as const) {
      const caller = await as(role);
      expect(await codeOf(caller.services.create({ name: "X", durationMinutes: 10 }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.services.update({ serviceId: staffed.clinic.serviceId, durationMinutes: 5 }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.services.remove({ serviceId: staffed.clinic.otherServiceId }))).toBe("FORBIDDEN");
    }
  });

  it("are deleted while never booked, and only deactivated once they have been", async () => {
    const { as, audited, staffed, inClinic } = await createStaffWorld(db);
    const admin = await as("owner");
    const removed = await audited(() => admin.services.remove({ serviceId: staffed.clinic.otherServiceId }));
    expect(removed.result).toEqual({ removed: true });
    expect(removed.rows).toHaveLength(1);
    const refused = await audited(() => admin.services.remove({ serviceId: staffed.clinic.serviceId }));
    expect((refused.failure as { code?: string }).code).toBe("CONFLICT");
    expect(refused.rows).toEqual([]);
    await admin.services.update({ serviceId: staffed.clinic.serviceId, active: false });
    expect(await admin.services.list()).toEqual([]);
    expect((await admin.services.list({ includeInactive: true })).map((s) => s.active)).toEqual([false]);
    expect(await inClinic((tx) => tx.select().from(services).where(eq(services.id, staffed.clinic.serviceId)))).toHaveLength(1);
  });

  it("of another clinic are NOT_FOUND", async () => {
    const { as } = await createStaffWorld(db);
    const other = await createTestClinic(db);
    const admin = await as("admin");
    expect(await codeOf(admin.services.update({ serviceId: other.serviceId, durationMinutes: 5 }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.services.remove({ serviceId: other.otherServiceId }))).toBe("NOT_FOUND");
  });

  it("change public.slots at once when their duration or buffers change", async () => {
    const { as, deps, staffed, inClinic } = await createStaffWorld(db);
    const admin = await as("admin");
    const { practitionerId, serviceId, patientId, clinicId, slug } = staffed.clinic;
    const slotsOn = async () => {
      const { days } = await callerFor(deps).caller.public.slots({ clinicSlug: slug, serviceId, from: MONDAY, to: MONDAY });
      return days[0]!.starts;
    };
    const before = await slotsOn();
    expect(before.at(-1)).toBe("2026-11-23T15:30:00Z"); // 16:30 local, 30 minutes

    await admin.services.update({ serviceId, durationMinutes: 60 });
    expect((await slotsOn()).at(-1)).toBe("2026-11-23T15:00:00Z");

    // An appointment 12:00-12:30 local; with no buffer, 11:00 local (10:00Z) for 60 minutes ends just in time.
    await inClinic((tx) =>
      tx.insert(appointments).values({
        clinicId,
        practitionerId,
        serviceId,
        patientId,
        startsAt: new Date("2026-11-23T11:00:00Z"),
        endsAt: new Date("2026-11-23T11:30:00Z"),
        blockedFrom: new Date("2026-11-23T11:00:00Z"),
        blockedTo: new Date("2026-11-23T11:30:00Z"),
        source: "staff",
      }),
    );
    expect(await slotsOn()).toContain("2026-11-23T10:00:00Z");
    expect(await slotsOn()).toContain("2026-11-23T11:30:00Z");
    await admin.services.update({ serviceId, bufferAfterMinutes: 15, bufferBeforeMinutes: 15 });
    const buffered = await slotsOn();
    expect(buffered).not.toContain("2026-11-23T10:00:00Z");
    expect(buffered).not.toContain("2026-11-23T11:30:00Z");
    expect(buffered).toContain("2026-11-23T11:45:00Z");
  });

  it.each([
    ["create", { name: "X", durationMinutes: 0 }, "durationMinutes"],
    ["create", { name: "X", durationMinutes: 1441 }, "durationMinutes"],
    ["create", { name: "X", durationMinutes: 12.5 }, "durationMinutes"],
    ["create", { name: "x".repeat(10_000), durationMinutes: 30 }, "name"],
    ["create", { name: "X", durationMinutes: 30, bufferAfterMinutes: -5 }, "bufferAfterMinutes"],
    ["create", { name: "X", durationMinutes: 30, priceCents: -1 }, "priceCents"],
    ["update", { serviceId: crypto.randomUUID(), bufferBeforeMinutes: 100_000 }, "bufferBeforeMinutes"],
    ["update", { serviceId: "x".repeat(10_000) }, "serviceId"],
    ["remove", { serviceId: 42 }, "serviceId"],
  ] as const)("%s refuses bad input %# with BAD_REQUEST naming %s", async (name, input, field) => {
    const { as } = await createStaffWorld(db);
    const call = (await as("admin")).services[name] as (input: unknown) => Promise<unknown>;
    expect(await refusal(call(input))).toEqual({ code: "BAD_REQUEST", fields: [field] });
  });
});
