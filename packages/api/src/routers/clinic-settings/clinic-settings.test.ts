import { auditLog } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor } from "../../testing";
import { codeOf, createStaffWorld, refusal } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("clinic.settings", () => {
  it("are read by every staff role and changed by admins, with the change audited", async () => {
    const { as, audited, staffed } = await createStaffWorld(db);
    for (const role of ["owner", "admin", "receptionist", "practitioner"] as const) {
      expect(await (await as(role)).clinic.settings.get()).toMatchObject({ id: staffed.clinic.clinicId, timezone: "Europe/Paris", slotStepMinutes: 15 });
    }
    const admin = await as("admin");
    const updated = await audited(() =>
      admin.clinic.settings.update({ name: "Cabinet Martin", timezone: "America/New_York", minNoticeMinutes: 60, slotStepMinutes: 15, phone: "+33 1 23 45 67 89" }),
    );
    expect(updated.result).toMatchObject({ name: "Cabinet Martin", timezone: "America/New_York", minNoticeMinutes: 60, phone: "+33 1 23 45 67 89" });
    expect(updated.rows).toHaveLength(1);
    expect(updated.rows[0]).toMatchObject({ action: "update", entity: "clinic", entityId: staffed.clinic.clinicId, actorUserId: staffed.userIds.admin });
    expect(updated.rows[0]!.changes).toEqual({
      name: [`Clinic ${staffed.clinic.slug}`, "Cabinet Martin"],
      timezone: ["Europe/Paris", "America/New_York"],
      minNoticeMinutes: [120, 60],
      phone: [null, "+33 1 23 45 67 89"],
    });
    expect((await admin.clinic.settings.get()).timezone).toBe("America/New_York");
    for (const role of ["receptionist", "practitioner"] as const) {
      expect(await codeOf((await as(role)).clinic.settings.update({ name: "Hijacked" }))).toBe("FORBIDDEN");
    }
    expect((await admin.clinic.settings.get()).name).toBe("Cabinet Martin");
  });

  it("hold the waitlist's offer mode and expiry: admins change them, audited; bad values change nothing", async () => {
    const { as, audited } = await createStaffWorld(db);
    const owner = await as("owner");
    expect(await owner.clinic.settings.get()).toMatchObject({ waitlistOfferMode: "in_order", waitlistOfferMinutes: 60 });
    const changed = await audited(() => owner.clinic.settings.update({ waitlistOfferMode: "all_at_once", waitlistOfferMinutes: 120 }));
    expect(changed.result).toMatchObject({ waitlistOfferMode: "all_at_once", waitlistOfferMinutes: 120 });
    expect(changed.rows[0]!.changes).toEqual({ waitlistOfferMode: ["in_order", "all_at_once"], waitlistOfferMinutes: [60, 120] });
    for (const [field, input] of [
      ["waitlistOfferMode", { waitlistOfferMode: "lottery" }],
      ["waitlistOfferMinutes", { waitlistOfferMinutes: 4 }],
      ["waitlistOfferMinutes", { waitlistOfferMinutes: 2881 }],
      ["waitlistOfferMinutes", { waitlistOfferMinutes: 30.5 }],
    ] as const) {
      expect(await refusal(owner.clinic.settings.update(input as never))).toEqual({ code: "BAD_REQUEST", fields: [field] });
    }
    expect(await codeOf((await as("receptionist")).clinic.settings.update({ waitlistOfferMode: "in_order" }))).toBe("FORBIDDEN");
    expect(await owner.clinic.settings.get()).toMatchObject({ waitlistOfferMode: "all_at_once", waitlistOfferMinutes: 120 });
  });

  it("change the booking policy public.slots applies", async () => {
    const { as, deps, staffed } = await createStaffWorld(db);
    const { slug, serviceId } = staffed.clinic;
    const slots = async () =>
      (await callerFor(deps).caller.public.slots({ clinicSlug: slug, serviceId, from: "2026-11-23", to: "2026-11-23" })).days[0]!.starts;
    expect((await slots()).slice(0, 2)).toEqual(["2026-11-23T08:00:00Z", "2026-11-23T08:15:00Z"]);
    await (await as("owner")).clinic.settings.update({ slotStepMinutes: 60 });
    expect((await slots()).slice(0, 2)).toEqual(["2026-11-23T08:00:00Z", "2026-11-23T09:00:00Z"]);
    await (await as("owner")).clinic.settings.update({ horizonDays: 1 });
    expect(await callerFor(deps).caller.public.slots({ clinicSlug: slug, serviceId, from: "2026-11-30", to: "2026-11-30" })).toMatchObject({ days: [{ starts: [] }] });
  });

  it.each([
    ["name", { name: "x".repeat(10_000) }],
    ["name", { name: " " }],
    ["timezone", { timezone: "Mars/Olympus" }],
    ["timezone", { timezone: "x".repeat(10_000) }],
    ["minNoticeMinutes", { minNoticeMinutes: -1 }],
    ["horizonDays", { horizonDays: 0 }],
    ["horizonDays", { horizonDays: 731 }],
    ["slotStepMinutes", { slotStepMinutes: 4 }],
    ["slotStepMinutes", { slotStepMinutes: 7.5 }],
    ["cancellationNoticeMinutes", { cancellationNoticeMinutes: "a day" }],
    ["email", { email: "not an address" }],
    ["address", { address: "x".repeat(10_000) }],
  ])("update refuses bad input %# with BAD_REQUEST naming %s", async (field, input) => {
    const { as, audited } = await createStaffWorld(db);
    const admin = await as("admin");
    const attempt = await audited(() => refusal(admin.clinic.settings.update(input as never)));
    expect(attempt.result).toEqual({ code: "BAD_REQUEST", fields: [field] });
    expect(attempt.rows).toEqual([]);
  });
});

describe("clinic.audit.list", () => {
  it("pages through the log newest first and filters by entity, actor and date", async () => {
    const { as, staffed } = await createStaffWorld(db);
    const admin = await as("admin");
    const owner = await as("owner");
    await admin.services.create({ name: "A", durationMinutes: 10 });
    await owner.services.create({ name: "B", durationMinutes: 10 });
    await admin.practitioners.create({ displayName: "Dr C" });
    await owner.clinic.settings.update({ name: "Renamed" });

    const first = await owner.clinic.audit.list({ limit: 2 });
    expect(first.items.map((i) => [i.entity, i.action])).toEqual([
      ["clinic", "update"],
      ["practitioner", "create"],
    ]);
    expect(first.items[1]).toMatchObject({ actorUserId: staffed.userIds.admin, actorName: "Test admin", actorKind: "user" });
    const second = await owner.clinic.audit.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.entity)).toEqual(["service", "service"]);
    const rest = await owner.clinic.audit.list({ limit: 100, cursor: second.nextCursor! });
    expect(rest.nextCursor).toBeNull();
    expect(rest.items.at(-1)).toMatchObject({ entity: "clinic", action: "create", actorKind: "system" }); // the fixture's

    const services = await owner.clinic.audit.list({ entity: "service" });
    expect(services.items.map((i) => i.changes?.name?.[1])).toEqual(["B", "A"]);
    const byAdmin = await owner.clinic.audit.list({ actorUserId: staffed.userIds.admin });
    expect(byAdmin.items.map((i) => i.entity)).toEqual(["practitioner", "service"]);
    const practitionerId = byAdmin.items[0]!.entityId!;
    expect((await owner.clinic.audit.list({ entity: "practitioner", entityId: practitionerId })).items).toHaveLength(1);

    const at = first.items[0]!.at;
    expect((await owner.clinic.audit.list({ from: at })).items.every((i) => i.at >= at)).toBe(true);
    expect((await owner.clinic.audit.list({ from: "2000-01-01T00:00:00Z", to: "2000-01-02T00:00:00Z" })).items).toEqual([]);
  });

  it("names each record at read time and filters by patient (their record and their appointments)", async () => {
    const { as, inClinic, staffed } = await createStaffWorld(db);
    const admin = await as("admin");
    const ada = await admin.patients.create({ fullName: "Ada Lovelace" });
    await admin.patients.update({ patientId: ada.id, phone: "+33 6 12 34 56 78" });
    const service = await admin.services.create({ name: "Injection", durationMinutes: 10 });
    // An entry about the fixture's appointment (its patient is Pat Test), as the calendar would write it.
    await inClinic((tx) =>
      tx.insert(auditLog).values({ clinicId: staffed.clinic.clinicId, actorKind: "system", action: "update", entity: "appointment", entityId: staffed.clinic.appointmentId }),
    );
    // And one about the admin's account (a sign-in, as security events write it).
    await inClinic((tx) =>
      tx.insert(auditLog).values({ clinicId: staffed.clinic.clinicId, actorKind: "user", action: "sign_in", entity: "account", entityId: staffed.userIds.admin }),
    );
    const all = await admin.clinic.audit.list({ limit: 100 });
    expect(all.items.find((i) => i.entity === "account")!.entityName).toBe("Test admin");
    const named = (entity: string) => all.items.filter((i) => i.entity === entity).map((i) => i.entityName);
    expect(named("patient")).toEqual(["Ada Lovelace", "Ada Lovelace"]);
    expect(named("service")).toEqual(["Injection"]);
    expect(named("appointment")).toEqual(["Pat Test"]);
    // The clinic itself and its members are named too (issue 21: no ids where a name exists).
    expect(named("clinic")).toEqual([(await admin.clinic.settings.get()).name]);
    await admin.schedule.setWeek({ practitionerId: staffed.clinic.practitionerId, intervals: [] });
    const hours = await admin.clinic.audit.list({ entity: "working_hours" });
    expect(hours.items.map((i) => i.entityName)).toEqual(["Dr Test"]);
    expect(service.name).toBe("Injection");

    const aboutAda = await admin.clinic.audit.list({ patientId: ada.id });
    expect(aboutAda.items.map((i) => [i.entity, i.action])).toEqual([
      ["patient", "update"],
      ["patient", "create"],
    ]);
    const aboutPat = await admin.clinic.audit.list({ patientId: staffed.clinic.patientId });
    expect(aboutPat.items.map((i) => [i.entity, i.entityName, i.patientId])).toEqual([["appointment", "Pat Test", staffed.clinic.patientId]]);
  });

  it("is for owners and admins only, and shows only the clinic's own log", async () => {
    const { as, staffed } = await createStaffWorld(db);
    const other = await createStaffWorld(db);
    await (await other.as("admin")).services.create({ name: "Theirs", durationMinutes: 10 });
    for (const role of ["receptionist", "practitioner"] as const) {
      expect(await codeOf((await as(role)).clinic.audit.list({}))).toBe("FORBIDDEN");
    }
    const mine = await (await as("owner")).clinic.audit.list({ limit: 100 });
    expect(mine.items.every((i) => i.entity !== "service")).toBe(true);
    expect(mine.items.map((i) => i.entityId)).toContain(staffed.clinic.clinicId);
  });

  it.each([
    ["entity", { entity: "x".repeat(10_000) }],
    ["actorUserId", { actorUserId: "someone" }],
    ["patientId", { patientId: "'; select 1 --" }],
    ["from", { from: "last week" }],
    ["to", { from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" }],
    ["cursor", { cursor: -3 }],
    ["limit", { limit: 1000 }],
  ])("refuses bad input %# with BAD_REQUEST naming %s", async (field, input) => {
    const { as } = await createStaffWorld(db);
    expect(await refusal((await as("admin")).clinic.audit.list(input as never))).toEqual({ code: "BAD_REQUEST", fields: [field] });
  });
});
