// The staff finder against the real database: the next free times from the engine, by time of
// day, and outside the online rules on purpose with the rule each time breaks.
import { connectAsApp } from "@frontdesk/db/testing";
import { wallClockOf } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { reasonOf } from "../errors";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code} ${reasonOf(error)}`;
    throw error;
  }
}

async function setup() {
  // Online: a day's notice, 30 days ahead. The test clock reads Sunday 2026-11-22 10:00 in Paris.
  const clinic = await createBookableClinic(db, { policy: { minNoticeMinutes: 24 * 60, horizonDays: 30 } });
  const { deps } = createTestDeps(db);
  const desk = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
  return { clinic, desk, base: { serviceId: clinic.serviceId } };
}

const localTime = (instant: string) => wallClockOf(instant, "Europe/Paris");

describe("appointments.freeTimes", () => {
  it("answers the next free times under the online rules, earliest first, with who is free", async () => {
    const { desk, base, clinic } = await setup();
    const answer = await desk.appointments.freeTimes({ ...base, limit: 3 });
    expect(answer.slots.map((s) => s.start)).toEqual(["2026-11-23T09:00:00Z", "2026-11-23T09:30:00Z", "2026-11-23T10:00:00Z"]);
    expect(answer.slots[0]!.practitionerIds).toEqual(clinic.practitionerIds);
    expect(answer.slots.every((s) => s.breaks.length === 0)).toBe(true);
    expect(answer.searched.from).toBe("2026-11-22");
  });

  it("skips what is taken for the practitioner asked for", async () => {
    const { desk, base, clinic } = await setup();
    await desk.appointments.create({ newPatient: { name: "Taken" }, serviceId: clinic.serviceId, practitionerId: clinic.practitionerIds[0]!, start: "2026-11-23T09:00:00Z" });
    const mine = await desk.appointments.freeTimes({ ...base, practitionerId: clinic.practitionerIds[0]!, limit: 1 });
    expect(mine.slots.map((s) => s.start)).toEqual(["2026-11-23T09:30:00Z"]);
    const anyone = await desk.appointments.freeTimes({ ...base, limit: 1 });
    expect(anyone.slots[0]).toMatchObject({ start: "2026-11-23T09:00:00Z", practitionerIds: [clinic.practitionerIds[1]] });
  });

  it("filters by part of the day or a from-to local time", async () => {
    const { desk, base } = await setup();
    const afternoon = await desk.appointments.freeTimes({ ...base, timeOfDay: "afternoon", limit: 2 });
    expect(afternoon.slots.map((s) => localTime(s.start))).toEqual([{ date: "2026-11-23", minutes: 12 * 60 }, { date: "2026-11-23", minutes: 12 * 60 + 30 }]);
    const late = await desk.appointments.freeTimes({ ...base, between: { from: "16:00", to: "17:00" }, limit: 3 });
    expect(late.slots.map((s) => localTime(s.start))).toEqual([
      { date: "2026-11-23", minutes: 16 * 60 },
      { date: "2026-11-23", minutes: 16 * 60 + 30 },
      { date: "2026-11-24", minutes: 16 * 60 },
    ]);
    expect((await desk.appointments.freeTimes({ ...base, timeOfDay: "evening" })).slots).toEqual([]);
  });

  it("outside the online rules: today's times say they break the lead time, far ones the booking window", async () => {
    const { desk, base } = await setup();
    expect((await desk.appointments.freeTimes({ ...base, within: "today" })).slots).toEqual([]);
    const today = await desk.appointments.freeTimes({ ...base, within: "today", outsideRules: true, limit: 2 });
    expect(today.slots.map((s) => [s.start, s.breaks])).toEqual([
      // From now on (10:00 in Paris): nothing already begun.
      ["2026-11-22T09:00:00Z", ["LEAD_TIME"]],
      ["2026-11-22T09:30:00Z", ["LEAD_TIME"]],
    ]);
    expect((await desk.appointments.freeTimes({ ...base, from: "2027-01-10", within: "week" })).slots).toEqual([]);
    const far = await desk.appointments.freeTimes({ ...base, from: "2027-01-10", within: "week", outsideRules: true, limit: 1 });
    expect(far.slots.map((s) => s.breaks)).toEqual([["BOOKING_WINDOW"]]);
  });

  it("refuses bad input and other clinics' ids", async () => {
    const { desk, base } = await setup();
    const other = await createBookableClinic(db);
    expect(await outcome(desk.appointments.freeTimes({ serviceId: other.serviceId }))).toBe("NOT_FOUND NOT_FOUND");
    expect(await outcome(desk.appointments.freeTimes({ ...base, practitionerId: other.practitionerIds[0]! }))).toBe("NOT_FOUND NOT_FOUND");
    expect(await outcome(desk.appointments.freeTimes({ ...base, between: { from: "17:00", to: "09:00" } }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.freeTimes({ ...base, limit: 500 }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.freeTimes({ ...base, timeOfDay: "night" as never }))).toBe("BAD_REQUEST INVALID_INPUT");
  });
});
