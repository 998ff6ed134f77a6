import { scheduleExceptions, workingHours } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor } from "../../testing";
import { codeOf, createStaffWorld, refusal } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

// The test clock stands on Sunday 2026-11-22 09:00Z; the clinic is in Paris (UTC+1).
const MONDAY = "2026-11-23";
const TUESDAY = "2026-11-24";

async function world() {
  const w = await createStaffWorld(db);
  const { slug, serviceId } = w.staffed.clinic;
  const slotsOn = async (date: string) => {
    const { days } = await callerFor(w.deps).caller.public.slots({ clinicSlug: slug, serviceId, from: date, to: date });
    return days[0]!.starts;
  };
  return { ...w, slotsOn };
}

describe("schedule weekly hours", () => {
  it("replace the whole week at once; public.slots follow, and the audit row holds both weeks", async () => {
    const { as, audited, staffed, slotsOn } = await world();
    const admin = await as("admin");
    const practitionerId = staffed.clinic.practitionerId;
    expect(await admin.schedule.getWeek({ practitionerId })).toEqual({ practitionerId, intervals: [{ weekday: 1, start: "09:00", end: "17:00" }] });
    expect(await slotsOn(TUESDAY)).toEqual([]);

    const intervals = [
      { weekday: 2, start: "14:00", end: "15:00" },
      { weekday: 1, start: "13:00", end: "14:00" },
      { weekday: 1, start: "10:00", end: "11:00" },
      { weekday: 7, start: "22:00", end: "24:00" },
    ];
    const saved = await audited(() => admin.schedule.setWeek({ practitionerId, intervals }));
    const sorted = [intervals[2], intervals[1], intervals[0], intervals[3]];
    expect(saved.result).toEqual({ practitionerId, intervals: sorted });
    expect(await admin.schedule.getWeek({ practitionerId })).toEqual({ practitionerId, intervals: sorted });
    expect(saved.rows).toHaveLength(1);
    expect(saved.rows[0]).toMatchObject({ action: "set_week", entity: "working_hours", entityId: practitionerId });
    expect(saved.rows[0]!.changes).toEqual({ intervals: [["1 09:00-17:00"], ["1 10:00-11:00", "1 13:00-14:00", "2 14:00-15:00", "7 22:00-24:00"]] });

    // Slots are 30 minutes on a 15-minute grid, in the new hours only.
    expect(await slotsOn(MONDAY)).toEqual([
      "2026-11-23T09:00:00Z",
      "2026-11-23T09:15:00Z",
      "2026-11-23T09:30:00Z",
      "2026-11-23T12:00:00Z",
      "2026-11-23T12:15:00Z",
      "2026-11-23T12:30:00Z",
    ]);
    expect(await slotsOn(TUESDAY)).toEqual(["2026-11-24T13:00:00Z", "2026-11-24T13:15:00Z", "2026-11-24T13:30:00Z"]);

    await admin.schedule.setWeek({ practitionerId, intervals: [] });
    expect(await admin.schedule.getWeek({ practitionerId })).toEqual({ practitionerId, intervals: [] });
    expect(await slotsOn(MONDAY)).toEqual([]);
  });

  it.each([
    ["overlapping intervals on one day", [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "11:30", end: "14:00" }]],
    ["an interval inside another", [{ weekday: 3, start: "08:00", end: "18:00" }, { weekday: 3, start: "10:00", end: "11:00" }]],
    ["the same interval twice", [{ weekday: 3, start: "08:00", end: "09:00" }, { weekday: 3, start: "08:00", end: "09:00" }]],
    ["an end before the start", [{ weekday: 1, start: "12:00", end: "09:00" }]],
    ["an end equal to the start", [{ weekday: 1, start: "09:00", end: "09:00" }]],
    ["weekday 0", [{ weekday: 0, start: "09:00", end: "10:00" }]],
    ["weekday 8", [{ weekday: 8, start: "09:00", end: "10:00" }]],
    ["a fractional weekday", [{ weekday: 1.5, start: "09:00", end: "10:00" }]],
    ["a time without two-digit hours", [{ weekday: 1, start: "9:00", end: "10:00" }]],
    ["24:00 as a start", [{ weekday: 1, start: "24:00", end: "24:00" }]],
    ["25:00", [{ weekday: 1, start: "09:00", end: "25:00" }]],
    ["seconds", [{ weekday: 1, start: "09:00:00", end: "10:00" }]],
    ["a 10 kB time", [{ weekday: 1, start: "0".repeat(10_000), end: "10:00" }]],
    ["13 intervals in one day", Array.from({ length: 13 }, (_, h) => ({ weekday: 2, start: `${String(h + 6).padStart(2, "0")}:00`, end: `${String(h + 6).padStart(2, "0")}:30` }))],
    ["not a list", "Mondays 9-5"],
  ])("refuse %s with BAD_REQUEST naming intervals, and keep the old week", async (_label, intervals) => {
    const { as, audited, staffed } = await world();
    const admin = await as("owner");
    const practitionerId = staffed.clinic.practitionerId;
    const attempt = await audited(() => refusal(admin.schedule.setWeek({ practitionerId, intervals: intervals as never })));
    expect(attempt.result).toEqual({ code: "BAD_REQUEST", fields: ["intervals"] });
    expect(attempt.rows).toEqual([]);
    expect((await admin.schedule.getWeek({ practitionerId })).intervals).toEqual([{ weekday: 1, start: "09:00", end: "17:00" }]);
  });

  it("accept intervals that touch, and the same hours on different days", async () => {
    const { as, staffed } = await world();
    const practitionerId = staffed.clinic.practitionerId;
    const intervals = [
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 1, start: "12:00", end: "13:00" },
      { weekday: 2, start: "09:00", end: "12:00" },
    ];
    expect((await (await as("admin")).schedule.setWeek({ practitionerId, intervals })).intervals).toEqual(intervals);
  });

  it("of another clinic's practitioner are NOT_FOUND and untouched", async () => {
    const { as } = await world();
    const other = await createTestClinic(db);
    const admin = await as("admin");
    expect(await codeOf(admin.schedule.getWeek({ practitionerId: other.practitionerId }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.schedule.setWeek({ practitionerId: other.practitionerId, intervals: [] }))).toBe("NOT_FOUND");
    const { withTenant } = await import("@frontdesk/db");
    const theirs = await withTenant(db, { clinicId: other.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.select().from(workingHours).where(eq(workingHours.practitionerId, other.practitionerId)),
    );
    expect(theirs).toHaveLength(1);
  });
});

describe("who may change hours and time off", () => {
  it("admins change anyone's; a practitioner only their own; a receptionist nobody's", async () => {
    const { as, staffed } = await world();
    const admin = await as("admin");
    const practitioner = await as("practitioner");
    const receptionist = await as("receptionist");
    const mine = staffed.clinic.practitionerId;
    const colleague = (await admin.practitioners.create({ displayName: "Dr Colleague" })).id;
    const week = { intervals: [{ weekday: 4, start: "08:00", end: "12:00" }] };
    const timeOff = { kind: "unavailable" as const, startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-02T00:00:00Z" };

    // Not linked to any practitioner yet: nothing is "their own".
    expect(await codeOf(practitioner.schedule.setWeek({ practitionerId: mine, ...week }))).toBe("FORBIDDEN");
    await admin.practitioners.update({ practitionerId: mine, userId: staffed.userIds.practitioner });

    expect((await practitioner.schedule.setWeek({ practitionerId: mine, ...week })).intervals).toEqual(week.intervals);
    const own = await practitioner.schedule.exceptions.add({ practitionerId: mine, ...timeOff });
    expect(await codeOf(practitioner.schedule.exceptions.remove({ exceptionId: own.id }))).toBe("ok");

    expect(await codeOf(practitioner.schedule.setWeek({ practitionerId: colleague, ...week }))).toBe("FORBIDDEN");
    expect(await codeOf(practitioner.schedule.exceptions.add({ practitionerId: colleague, ...timeOff }))).toBe("FORBIDDEN");
    const theirs = await admin.schedule.exceptions.add({ practitionerId: colleague, ...timeOff });
    expect(await codeOf(practitioner.schedule.exceptions.remove({ exceptionId: theirs.id }))).toBe("FORBIDDEN");

    expect(await codeOf(receptionist.schedule.setWeek({ practitionerId: mine, ...week }))).toBe("FORBIDDEN");
    expect(await codeOf(receptionist.schedule.exceptions.add({ practitionerId: mine, ...timeOff }))).toBe("FORBIDDEN");
    expect(await codeOf(receptionist.schedule.exceptions.remove({ exceptionId: theirs.id }))).toBe("FORBIDDEN");
    // Everyone on staff reads every calendar.
    expect((await receptionist.schedule.getWeek({ practitionerId: colleague })).intervals).toEqual([]);
    expect(await receptionist.schedule.exceptions.list({ from: "2026-11-30T00:00:00Z", to: "2026-12-03T00:00:00Z" })).toHaveLength(1);
  });
});

describe("schedule exceptions", () => {
  it("take time off and add extra hours, as public.slots shows; removing restores the week", async () => {
    const { as, audited, staffed, slotsOn } = await world();
    const admin = await as("admin");
    const practitionerId = staffed.clinic.practitionerId;
    const mondayBefore = await slotsOn(MONDAY);
    expect(mondayBefore).toContain("2026-11-23T09:00:00Z");

    // 10:00-11:30 local off on Monday.
    const off = await audited(() =>
      admin.schedule.exceptions.add({ practitionerId, kind: "unavailable", startsAt: "2026-11-23T10:00:00+01:00", endsAt: "2026-11-23T11:30:00+01:00", reason: "Dentist" }),
    );
    expect(off.result).toMatchObject({ kind: "unavailable", startsAt: "2026-11-23T09:00:00.000Z", endsAt: "2026-11-23T10:30:00.000Z", reason: "Dentist" });
    expect(off.rows).toHaveLength(1);
    expect(off.rows[0]).toMatchObject({ action: "create", entity: "schedule_exception", entityId: off.result!.id });
    const monday = await slotsOn(MONDAY);
    expect(monday).not.toContain("2026-11-23T09:00:00Z");
    expect(monday).not.toContain("2026-11-23T08:45:00Z"); // would run into the time off
    expect(monday).toContain("2026-11-23T08:30:00Z");
    expect(monday).toContain("2026-11-23T10:30:00Z");

    // Extra hours on Tuesday, a day off in the weekly pattern.
    const extra = await admin.schedule.exceptions.add({ practitionerId, kind: "available", startsAt: "2026-11-24T14:00:00Z", endsAt: "2026-11-24T15:00:00Z" });
    expect(await slotsOn(TUESDAY)).toEqual(["2026-11-24T14:00:00Z", "2026-11-24T14:15:00Z", "2026-11-24T14:30:00Z"]);

    const listed = await admin.schedule.exceptions.list({ practitionerId, from: "2026-11-23T00:00:00Z", to: "2026-11-25T00:00:00Z" });
    expect(listed.map((e) => e.id)).toEqual([off.result!.id, extra.id]);
    // The fixture's own exception (2030) is outside the range.
    expect(await admin.schedule.exceptions.list({ from: "2026-11-24T14:30:00Z", to: "2026-11-24T14:31:00Z" })).toEqual([extra]);

    const removed = await audited(() => admin.schedule.exceptions.remove({ exceptionId: off.result!.id }));
    expect(removed.rows).toHaveLength(1);
    await admin.schedule.exceptions.remove({ exceptionId: extra.id });
    expect(await slotsOn(MONDAY)).toEqual(mondayBefore);
    expect(await slotsOn(TUESDAY)).toEqual([]);
    expect(await codeOf(admin.schedule.exceptions.remove({ exceptionId: extra.id }))).toBe("NOT_FOUND");
  });

  it("of another clinic are NOT_FOUND and stay", async () => {
    const { as } = await world();
    const other = await createTestClinic(db);
    const admin = await as("owner");
    const { withTenant } = await import("@frontdesk/db");
    const [theirs] = await withTenant(db, { clinicId: other.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.select().from(scheduleExceptions).where(eq(scheduleExceptions.clinicId, other.clinicId)),
    );
    expect(await codeOf(admin.schedule.exceptions.remove({ exceptionId: theirs!.id }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.schedule.exceptions.add({ practitionerId: other.practitionerId, kind: "unavailable", startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-01-02T00:00:00Z" }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.schedule.exceptions.list({ practitionerId: other.practitionerId, from: "2029-12-01T00:00:00Z", to: "2030-02-01T00:00:00Z" }))).toBe("NOT_FOUND");
    expect(await admin.schedule.exceptions.list({ from: "2029-12-01T00:00:00Z", to: "2030-02-01T00:00:00Z" })).toHaveLength(1); // our own fixture's
  });

  const good = { kind: "unavailable", startsAt: "2026-12-01T09:00:00Z", endsAt: "2026-12-01T10:00:00Z" };
  it.each([
    ["endsAt", { ...good, endsAt: "2026-12-01T08:00:00Z" }],
    ["endsAt", { ...good, endsAt: good.startsAt }],
    ["endsAt", { ...good, endsAt: "2028-12-01T10:00:00Z" }],
    ["kind", { ...good, kind: "holiday" }],
    ["startsAt", { ...good, startsAt: "2026-12-01T09:00:00" }],
    ["startsAt", { ...good, startsAt: "2026-13-01T09:00:00Z" }],
    ["startsAt", { ...good, startsAt: "x".repeat(10_000) }],
    ["reason", { ...good, reason: "x".repeat(10_000) }],
  ])("add refuses bad input with BAD_REQUEST naming %s (case %#)", async (field, input) => {
    const { as, staffed } = await world();
    const admin = await as("admin");
    const result = await refusal(admin.schedule.exceptions.add({ practitionerId: staffed.clinic.practitionerId, ...input } as never));
    expect(result).toEqual({ code: "BAD_REQUEST", fields: [field] });
  });

  it.each([
    ["to", { from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z" }],
    ["to", { from: "2026-01-01T00:00:00Z", to: "2027-06-01T00:00:00Z" }],
    ["from", { from: "yesterday", to: "2026-12-01T00:00:00Z" }],
    ["practitionerId", { from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z", practitionerId: "x".repeat(10_000) }],
  ])("list refuses bad input with BAD_REQUEST naming %s (case %#)", async (field, input) => {
    const { as } = await world();
    expect(await refusal((await as("receptionist")).schedule.exceptions.list(input as never))).toEqual({ code: "BAD_REQUEST", fields: [field] });
  });
});
