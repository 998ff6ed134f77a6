import { withTenant } from "@frontdesk/db";
import { appointments, auditLog, patients } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error);
  }
}

async function setup() {
  const clinic = await createBookableClinic(db);
  const { deps, clock } = createTestDeps(db);
  const as = async (userId: string) => callerFor(deps, await sessionFor(deps, userId, clinic.clinicId)).caller;
  const desk = await as(clinic.receptionistUserId);
  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
  const audits = () => inClinic((tx) => tx.select().from(auditLog).orderBy(auditLog.id));
  const phoneBooking = (start: string, practitioner = 0) =>
    desk.appointments.create({
      newPatient: { name: "Phone Patient", phone: "+33 1 23 45 67 89" },
      serviceId: clinic.serviceId,
      practitionerId: clinic.practitionerIds[practitioner]!,
      start,
    });
  return { clinic, deps, clock, as, desk, inClinic, audits, phoneBooking };
}

describe("appointments.create", () => {
  it("books a phone patient created inline, outside online rules but inside the calendar", async () => {
    const { desk, phoneBooking, inClinic } = await setup();
    // 20:00 is outside the working hours: staff may do it.
    const booked = await phoneBooking("2026-12-01T19:00:00Z");
    expect(booked).toMatchObject({ status: "booked", source: "staff", version: 1, practitionerName: "A Practitioner" });
    const [patient] = await inClinic((tx) => tx.select().from(patients));
    expect(patient?.fullName).toBe("Phone Patient");
    const again = await desk.appointments.create({ patientId: patient!.id, serviceId: booked.serviceId, practitionerId: booked.practitionerId, start: "2026-12-01T19:30:00Z" });
    expect(again.start).toBe("2026-12-01T19:30:00.000Z");
  });

  it("never books over another appointment, and says so", async () => {
    const { phoneBooking } = await setup();
    await phoneBooking("2026-12-01T09:00:00Z");
    expect(await codeOf(phoneBooking("2026-12-01T09:15:00Z"))).toBe("CONFLICT: That time was just taken");
    expect(await codeOf(phoneBooking("2026-12-01T09:15:00Z", 1))).toBe("ok");
  });

  it("refuses a patient id and a patient at the same time, or neither", async () => {
    const { desk, clinic } = await setup();
    const base = { serviceId: clinic.serviceId, practitionerId: clinic.practitionerIds[0]!, start: "2026-12-01T09:00:00Z" };
    expect(await codeOf(desk.appointments.create(base))).toMatch(/^BAD_REQUEST/);
    expect(await codeOf(desk.appointments.create({ ...base, patientId: crypto.randomUUID(), newPatient: { name: "X" } }))).toMatch(/^BAD_REQUEST/);
    expect(await codeOf(desk.appointments.create({ ...base, patientId: crypto.randomUUID() }))).toBe("NOT_FOUND: Patient not found");
  });
});

describe("moving, cancelling and status", () => {
  it("walks booked -> confirmed -> arrived -> completed, each step audited once", async () => {
    const { desk, phoneBooking, audits, as, clinic, clock } = await setup();
    const a = await phoneBooking("2026-12-01T09:00:00Z");
    const practitioner = await as(clinic.practitionerUserId);
    const confirmed = await desk.appointments.setStatus({ id: a.id, version: 1, status: "confirmed" });
    // Arrived and completed only once it has started (the rule has its own tests in series.test.ts).
    clock.set(new Date("2026-12-01T09:00:00Z"));
    const arrived = await practitioner.appointments.setStatus({ id: a.id, version: confirmed.version, status: "arrived" });
    const done = await practitioner.appointments.setStatus({ id: a.id, version: arrived.version, status: "completed" });
    expect([done.status, done.version]).toEqual(["completed", 4]);
    const rows = (await audits()).filter((r) => r.entityId === a.id);
    expect(rows.map((r) => [r.action, r.changes])).toEqual([
      ["create", expect.objectContaining({ status: [null, "booked"] })],
      ["set_status", { status: ["booked", "confirmed"] }],
      ["set_status", { status: ["confirmed", "arrived"] }],
      ["set_status", { status: ["arrived", "completed"] }],
    ]);
  });

  it("names an invalid transition, and writes no audit row for it", async () => {
    const { desk, phoneBooking, audits, clock } = await setup();
    const a = await phoneBooking("2026-12-01T09:00:00Z");
    clock.set(new Date("2026-12-01T09:10:00Z"));
    await desk.appointments.setStatus({ id: a.id, version: 1, status: "no_show" });
    const before = (await audits()).length;
    expect(await codeOf(desk.appointments.setStatus({ id: a.id, version: 2, status: "arrived" }))).toBe(
      "BAD_REQUEST: This appointment is no-show: its status cannot change any more",
    );
    expect(await codeOf(desk.appointments.setStatus({ id: a.id, version: 2, status: "booked" as never }))).toMatch(/^BAD_REQUEST/);
    expect((await audits()).length).toBe(before);
  });

  it("refuses a stale version: a colleague changed it in the meantime", async () => {
    const { desk, phoneBooking, inClinic } = await setup();
    const a = await phoneBooking("2026-12-01T09:00:00Z");
    await desk.appointments.reschedule({ id: a.id, version: 1, start: "2026-12-01T10:00:00Z" });
    expect(await codeOf(desk.appointments.reschedule({ id: a.id, version: 1, start: "2026-12-01T11:00:00Z" }))).toMatch(/^CONFLICT: This appointment was changed by someone else/);
    const [row] = await inClinic((tx) => tx.select().from(appointments).where(eq(appointments.id, a.id)));
    expect(row?.startsAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });

  it("moves to another practitioner, and cancels with a reason, freeing the time", async () => {
    const { desk, phoneBooking, clinic } = await setup();
    const a = await phoneBooking("2026-12-01T09:00:00Z");
    const moved = await desk.appointments.reschedule({ id: a.id, version: 1, start: "2026-12-01T09:00:00Z", practitionerId: clinic.practitionerIds[1] });
    expect(moved.practitionerName).toBe("B Practitioner");
    expect(await codeOf(desk.appointments.cancel({ id: a.id, version: 2, reason: "" }))).toMatch(/^BAD_REQUEST/);
    const cancelled = await desk.appointments.cancel({ id: a.id, version: 2, reason: "Patient called" });
    expect(cancelled.status).toBe("cancelled");
    expect(await codeOf(phoneBooking("2026-12-01T09:00:00Z", 1))).toBe("ok");
    expect(await codeOf(desk.appointments.reschedule({ id: a.id, version: 3, start: "2026-12-01T12:00:00Z" }))).toMatch(/^BAD_REQUEST/);
  });

  it("shows the patient's contact in appointments.get and audits that staff looked", async () => {
    const { desk, phoneBooking, audits } = await setup();
    const a = await phoneBooking("2026-12-01T09:00:00Z");
    const detail = await desk.appointments.get({ id: a.id });
    expect(detail.patient).toMatchObject({ fullName: "Phone Patient", phone: "+33123456789" });
    expect((await audits()).at(-1)).toMatchObject({ action: "view", entity: "patient", entityId: detail.patient.id });
  });
});

describe("another clinic's ids", () => {
  it("answer NOT_FOUND everywhere and change nothing there", async () => {
    const mine = await setup();
    const theirs = await setup();
    const b = await theirs.phoneBooking("2026-12-01T09:00:00Z");
    const [theirPatient] = await theirs.inClinic((tx) => tx.select().from(patients));
    const desk = mine.desk;
    const attempts = [
      () => desk.appointments.get({ id: b.id }),
      () => desk.appointments.reschedule({ id: b.id, version: 1, start: "2026-12-01T10:00:00Z" }),
      () => desk.appointments.cancel({ id: b.id, version: 1, reason: "x" }),
      () => desk.appointments.setStatus({ id: b.id, version: 1, status: "confirmed" }),
      () => desk.appointments.create({ patientId: theirPatient!.id, serviceId: mine.clinic.serviceId, practitionerId: mine.clinic.practitionerIds[0]!, start: "2026-12-01T12:00:00Z" }),
      () => desk.appointments.create({ newPatient: { name: "X" }, serviceId: theirs.clinic.serviceId, practitionerId: mine.clinic.practitionerIds[0]!, start: "2026-12-01T12:00:00Z" }),
      () => desk.appointments.create({ newPatient: { name: "X" }, serviceId: mine.clinic.serviceId, practitionerId: theirs.clinic.practitionerIds[0]!, start: "2026-12-01T12:00:00Z" }),
    ];
    for (const attempt of attempts) expect(await codeOf(attempt())).toMatch(/^NOT_FOUND/);
    const [row] = await theirs.inClinic((tx) => tx.select().from(appointments).where(eq(appointments.id, b.id)));
    expect([row?.status, row?.version, row?.startsAt.toISOString()]).toEqual(["booked", 1, "2026-12-01T09:00:00.000Z"]);
  });
});

describe("calendar.range", () => {
  it("returns the day's appointments with patient names, and each practitioner's hours and time off", async () => {
    const { desk, phoneBooking, clinic } = await setup();
    await phoneBooking("2026-12-01T09:00:00Z");
    await phoneBooking("2026-12-03T09:00:00Z");
    const day = await desk.calendar.range({ from: "2026-12-01", to: "2026-12-01" });
    expect(day.timezone).toBe("Europe/Paris");
    expect(day.practitioners.map((p) => p.displayName)).toEqual(["A Practitioner", "B Practitioner"]);
    expect(day.practitioners[0]!.workingHours).toContainEqual({ weekday: 2, start: "09:00", end: "17:00" });
    expect(day.appointments.filter((a) => a.start.startsWith("2026-12-01")).map((a) => a.patientName)).toEqual(["Phone Patient"]);
    const one = await desk.calendar.range({ from: "2026-12-01", to: "2026-12-07", practitionerIds: [clinic.practitionerIds[1]!] });
    expect(one.practitioners).toHaveLength(1);
    expect(one.appointments).toEqual([]);
    expect(await codeOf(desk.calendar.range({ from: "2026-12-07", to: "2026-12-01" }))).toMatch(/^BAD_REQUEST/);
  });
});
