// Recurring series, follow-ups, undo and the status-before-start rule, against the real database.
import { withTenant } from "@frontdesk/db";
import { appointmentSeries, appointments, patients } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { wallClockOf } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { reasonOf } from "../../errors";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "../../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

/** "CODE REASON" of a failed call, or "ok". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code} ${reasonOf(error)}`;
    throw error;
  }
}

async function detailsOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.cause && "details" in error.cause) return error.cause.details as Record<string, unknown>;
  }
  throw new Error("expected a refusal with details");
}

async function setup() {
  const clinic = await createBookableClinic(db);
  const { deps, clock } = createTestDeps(db);
  const as = async (userId: string) => callerFor(deps, await sessionFor(deps, userId, clinic.clinicId)).caller;
  const desk = await as(clinic.receptionistUserId);
  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
  const [patient] = await inClinic((tx) => tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Series Patient" }).returning({ id: patients.id }));
  const base = { serviceId: clinic.serviceId, practitionerId: clinic.practitionerIds[0]!, patientId: patient!.id };
  const ofPatient = () => inClinic((tx) => tx.select().from(appointments).where(eq(appointments.patientId, patient!.id)).orderBy(asc(appointments.startsAt)));
  const seriesRows = () => inClinic((tx) => tx.select().from(appointmentSeries).where(eq(appointmentSeries.patientId, patient!.id)));
  const other = (start: string) =>
    desk.appointments.create({ newPatient: { name: "Other Patient" }, serviceId: clinic.serviceId, practitionerId: clinic.practitionerIds[0]!, start });
  return { clinic, deps, clock, as, desk, base, ofPatient, seriesRows, other, inClinic };
}

const paris = (instant: string | Date) => wallClockOf(instant, "Europe/Paris");
const localTimes = (rows: Array<{ startsAt: Date }>) => rows.map((r) => paris(r.startsAt).minutes);

describe("appointments.series.book", () => {
  it("lands a 10-occurrence weekly series across the spring DST change at the same local time", async () => {
    const { desk, base, ofPatient, seriesRows } = await setup();
    // Tuesday 9 March 2027, 10:00 in Paris (UTC+1); Paris moves to UTC+2 on 28 March.
    const booked = await desk.appointments.series.book({ ...base, start: "2027-03-09T09:00:00Z", pattern: { everyWeeks: 1, count: 10 }, mode: "all" });
    expect(booked.appointments).toHaveLength(10);
    const rows = await ofPatient();
    expect(localTimes(rows)).toEqual(Array(10).fill(10 * 60));
    expect(rows.map((r) => paris(r.startsAt).date)).toEqual([
      "2027-03-09", "2027-03-16", "2027-03-23", "2027-03-30", "2027-04-06", "2027-04-13", "2027-04-20", "2027-04-27", "2027-05-04", "2027-05-11",
    ]);
    // Same wall clock, different instants: 09:00 UTC before the change, 08:00 UTC after.
    expect(new Set(rows.map((r) => r.startsAt.getUTCHours()))).toEqual(new Set([9, 8]));
    expect(rows.every((r) => r.seriesId === booked.seriesId)).toBe(true);
    expect(await seriesRows()).toMatchObject([{ localTime: "10:00", everyWeeks: 1, occurrenceCount: 10, weekdays: [2] }]);
  });

  it("previews a clash with alternatives, writes nothing in all-or-nothing mode, and books once the clash is resolved", async () => {
    const { desk, base, ofPatient, seriesRows, other } = await setup();
    await other("2027-01-19T09:00:00Z");
    const request = { ...base, start: "2027-01-05T09:00:00Z", pattern: { everyWeeks: 1, count: 4 } };
    const preview = await desk.appointments.series.preview(request);
    expect(preview.occurrences.map((o) => o.status)).toEqual(["free", "free", "taken", "free"]);
    const clash = preview.occurrences[2]!;
    expect(clash.alternatives.length).toBeGreaterThan(0);
    expect(clash.alternatives.every((a) => paris(a.start).date === "2027-01-19" && a.start !== clash.start)).toBe(true);

    expect(await outcome(desk.appointments.series.book({ ...request, mode: "all" }))).toBe("CONFLICT SERIES_CLASH");
    expect(await detailsOf(desk.appointments.series.book({ ...request, mode: "all" }))).toEqual({ clashes: [2] });
    expect([await ofPatient(), await seriesRows()]).toEqual([[], []]);

    const alternative = clash.alternatives[0]!;
    const resolved = await desk.appointments.series.book({ ...request, mode: "all", replacements: [{ index: 2, start: alternative.start, practitionerId: alternative.practitionerId }] });
    expect(resolved.appointments.map((a) => a.start)).toContain(new Date(alternative.start).toISOString());
    expect(await ofPatient()).toHaveLength(4);
  });

  it("books only the free ones when asked, and says which were left out", async () => {
    const { desk, base, ofPatient, other } = await setup();
    await other("2027-01-12T09:00:00Z");
    const booked = await desk.appointments.series.book({ ...base, start: "2027-01-05T09:00:00Z", pattern: { everyWeeks: 2, count: 3 }, mode: "free" });
    // Every two weeks: 5 and 19 January, 2 February; 12 January is not in the series and clashes with nothing.
    expect(booked.skipped).toEqual([]);
    expect(booked.appointments.map((a) => paris(a.start).date)).toEqual(["2027-01-05", "2027-01-19", "2027-02-02"]);
    await other("2027-02-16T09:00:00Z");
    const second = await desk.appointments.series.book({ ...base, start: "2027-02-09T09:00:00Z", pattern: { everyWeeks: 1, weekdays: [2], until: "2027-02-23" }, mode: "free" });
    expect(second.skipped).toEqual([1]);
    expect(second.appointments.map((a) => paris(a.start).date)).toEqual(["2027-02-09", "2027-02-23"]);
    expect(await ofPatient()).toHaveLength(5);
  });

  it("refuses bad input with a clear reason and writes nothing", async () => {
    const { desk, base, ofPatient, seriesRows } = await setup();
    const other = await createBookableClinic(db);
    const request = { ...base, start: "2027-01-05T09:00:00Z", pattern: { everyWeeks: 1, count: 4 }, mode: "all" as const };
    expect(await outcome(desk.appointments.series.book({ ...request, pattern: { everyWeeks: 1, count: 0 } }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.series.book({ ...request, pattern: { everyWeeks: 1, count: 500 } }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.series.book({ ...request, pattern: { everyWeeks: 1 } }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.series.book({ ...request, pattern: { everyWeeks: 0, count: 3 } }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.series.book({ ...request, pattern: { everyWeeks: 1, until: "2027-01-01" } }))).toBe("BAD_REQUEST INVALID_RANGE");
    expect(await outcome(desk.appointments.series.book({ ...request, pattern: { everyWeeks: 1, weekdays: [1, 2, 3, 4, 5], until: "2027-12-31" } }))).toBe("BAD_REQUEST INVALID_RANGE");
    expect(await outcome(desk.appointments.series.book({ ...request, replacements: [{ index: 9, start: "2027-01-05T10:00:00Z" }] }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.series.book({ ...request, replacements: [{ index: 1, start: "2027-01-13T10:00:00Z" }] }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.series.book({ ...request, patientId: crypto.randomUUID() }))).toBe("NOT_FOUND NOT_FOUND");
    expect(await outcome(desk.appointments.series.book({ ...request, serviceId: other.serviceId }))).toBe("NOT_FOUND NOT_FOUND");
    expect(await outcome(desk.appointments.series.book({ ...request, practitionerId: other.practitionerIds[0]! }))).toBe("NOT_FOUND NOT_FOUND");
    expect(await outcome(desk.appointments.series.preview({ ...request, practitionerId: crypto.randomUUID() }))).toBe("NOT_FOUND NOT_FOUND");
    expect([await ofPatient(), await seriesRows()]).toEqual([[], []]);
  });
});

describe("moving and cancelling a series", () => {
  it("moves 'this and following' only, by the same change of local time, and checks the version", async () => {
    const { desk, base, ofPatient } = await setup();
    const { appointments: booked } = await desk.appointments.series.book({ ...base, start: "2027-03-09T09:00:00Z", pattern: { everyWeeks: 1, count: 5 }, mode: "all" });
    const third = booked[2]!;
    expect(await outcome(desk.appointments.series.move({ id: third.id, version: third.version + 1, start: "2027-03-23T10:00:00Z", scope: "following" }))).toBe("CONFLICT STALE_VERSION");
    // A week earlier lands the third on the second, which stays where it is.
    expect(await outcome(desk.appointments.series.move({ id: third.id, version: third.version, start: "2027-03-16T09:00:00Z", scope: "following" }))).toBe("CONFLICT SERIES_CLASH");
    // 23 March 11:00 Paris instead of 10:00: the later ones keep 11:00 across the DST change.
    const moved = await desk.appointments.series.move({ id: third.id, version: third.version, start: "2027-03-23T10:00:00Z", scope: "following" });
    expect(moved.appointments).toHaveLength(3);
    const rows = await ofPatient();
    expect(localTimes(rows)).toEqual([600, 600, 660, 660, 660]);
    expect(rows.map((r) => r.version)).toEqual([1, 1, 2, 2, 2]);
    expect(await outcome(desk.appointments.series.move({ id: booked[0]!.id, version: 1, start: "2027-03-09T09:00:00Z", scope: "this" }))).toBe("ok");
  });

  it("refuses a move onto a taken time and changes nothing", async () => {
    const { desk, base, ofPatient, other } = await setup();
    const { appointments: booked } = await desk.appointments.series.book({ ...base, start: "2027-01-05T09:00:00Z", pattern: { everyWeeks: 1, count: 3 }, mode: "all" });
    await other("2027-01-19T10:00:00Z");
    expect(await outcome(desk.appointments.series.move({ id: booked[0]!.id, version: 1, start: "2027-01-05T10:00:00Z", scope: "all" }))).toBe("CONFLICT SERIES_CLASH");
    expect(localTimes(await ofPatient())).toEqual([600, 600, 600]);
  });

  it("cancels 'all' that are still open, and refuses a scope for a lone appointment", async () => {
    const { desk, base, ofPatient, other } = await setup();
    const { appointments: booked } = await desk.appointments.series.book({ ...base, start: "2027-01-05T09:00:00Z", pattern: { everyWeeks: 1, count: 4 }, mode: "all" });
    const cancelled = await desk.appointments.series.cancel({ id: booked[1]!.id, version: 1, scope: "all", reason: "Course stopped" });
    expect(cancelled.appointments).toHaveLength(4);
    expect((await ofPatient()).map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    const lone = await other("2027-01-06T09:00:00Z");
    expect(await outcome(desk.appointments.series.cancel({ id: lone.id, version: 1, scope: "following", reason: "x" }))).toBe("BAD_REQUEST NOT_IN_SERIES");
  });
});

describe("appointments.followUp", () => {
  it("books the same local time N weeks later, or offers that day's free times when it is taken", async () => {
    const { desk, other } = await setup();
    const first = await other("2027-03-16T09:00:00Z");
    // Three weeks later Paris is on summer time: 10:00 local is 08:00 UTC.
    const next = await desk.appointments.followUp({ id: first.id, weeks: 3 });
    expect(next.start).toBe("2027-04-06T08:00:00.000Z");
    const details = await detailsOf(desk.appointments.followUp({ id: first.id, weeks: 3 }));
    expect((details.nextSlots as unknown[]).length).toBeGreaterThan(0);
    expect(await outcome(desk.appointments.followUp({ id: first.id, weeks: 0 }))).toBe("BAD_REQUEST INVALID_INPUT");
    expect(await outcome(desk.appointments.followUp({ id: crypto.randomUUID(), weeks: 2 }))).toBe("NOT_FOUND NOT_FOUND");
  });
});

describe("statuses before the start, and undo", () => {
  it("refuses arrived, completed and no-show before the appointment has started, by the injected clock", async () => {
    const { desk, clock, other } = await setup();
    // The clock reads 2026-11-22 09:00 UTC (10:00 Paris); the appointment is at 13:00 Paris.
    const a = await other("2026-11-22T12:00:00Z");
    expect(await outcome(desk.appointments.setStatus({ id: a.id, version: 1, status: "no_show" }))).toBe("BAD_REQUEST NOT_STARTED");
    expect(await outcome(desk.appointments.setStatus({ id: a.id, version: 1, status: "arrived" }))).toBe("BAD_REQUEST NOT_STARTED");
    expect(await outcome(desk.appointments.setStatus({ id: a.id, version: 1, status: "confirmed" }))).toBe("ok");
    clock.set(new Date("2026-11-22T11:45:00Z"));
    const arrived = await desk.appointments.setStatus({ id: a.id, version: 2, status: "arrived" });
    expect(await outcome(desk.appointments.setStatus({ id: a.id, version: arrived.version, status: "completed" }))).toBe("BAD_REQUEST NOT_STARTED");
    clock.set(new Date("2026-11-22T12:00:00Z"));
    expect(await outcome(desk.appointments.setStatus({ id: a.id, version: arrived.version, status: "completed" }))).toBe("ok");
  });

  it("undoes a status change and a cancellation with the version check, re-checking the exclusion constraint", async () => {
    const { desk, as, clinic, other } = await setup();
    const a = await other("2027-01-05T09:00:00Z");
    const confirmed = await desk.appointments.setStatus({ id: a.id, version: 1, status: "confirmed" });
    const back = await desk.appointments.revertStatus({ id: a.id, version: confirmed.version, status: "booked" });
    expect([back.status, back.version]).toEqual(["booked", 3]);
    expect(await outcome(desk.appointments.revertStatus({ id: a.id, version: back.version, status: "confirmed" }))).toBe("BAD_REQUEST INVALID_TRANSITION");

    const cancelled = await desk.appointments.cancel({ id: a.id, version: back.version, reason: "Oops" });
    expect(await outcome(desk.appointments.revertStatus({ id: a.id, version: cancelled.version - 1, status: "booked" }))).toBe("CONFLICT STALE_VERSION");
    const practitioner = await as(clinic.practitionerUserId);
    expect(await outcome(practitioner.appointments.revertStatus({ id: a.id, version: cancelled.version, status: "booked" }))).toBe("FORBIDDEN ROLE_NOT_ALLOWED");
    const restored = await desk.appointments.revertStatus({ id: a.id, version: cancelled.version, status: "booked" });
    expect(restored.status).toBe("booked");

    // Cancelled, then someone takes the time: restoring it would double-book, so it stays cancelled.
    const again = await desk.appointments.cancel({ id: a.id, version: restored.version, reason: "Oops again" });
    await other("2027-01-05T09:15:00Z");
    expect(await outcome(desk.appointments.revertStatus({ id: a.id, version: again.version, status: "booked" }))).toBe("CONFLICT SLOT_TAKEN");
    expect((await desk.appointments.get({ id: a.id })).status).toBe("cancelled");
  });
});
