import { withTenant } from "@frontdesk/db";
import { appointments, patients, practitioners, scheduleExceptions, workingHours } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { addDays, instantAt, type AppointmentStatus } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../testing/http";
import { codeOf, createStaffWorld, refusal } from "../../testing/staff-world";
import { dashboardQuery } from "./dashboard";

const { db, close } = connectAsApp();
afterAll(() => close());

const ZONE = "Europe/Paris";
const MINUTE = 60_000;
const at = (date: string, time: string) => new Date(instantAt(date, time, ZONE));

interface Spec {
  practitioner: "test" | "night";
  service: "consultation" | "followUp";
  patient: "old" | "newA" | "newB" | "pat";
  date: string;
  time: string;
  minutes: number;
  status: AppointmentStatus;
  source: "online" | "staff";
  createdAt: string;
  cancelledAt?: string;
}

// Dr Test works Mondays 09:00-17:00 (the fixture) with time off on 22 March 10:00-11:00; Dr Night
// works Sundays 01:00-05:00 (across the DST change) and Mondays 09:00-12:00, plus extra hours.
const WEEKLY = { test: [{ weekday: 1, start: "09:00", end: "17:00" }], night: [{ weekday: 7, start: "01:00", end: "05:00" }, { weekday: 1, start: "09:00", end: "12:00" }] };
const OFF = { test: [{ from: at("2027-03-22", "10:00"), to: at("2027-03-22", "11:00") }], night: [] };
const EXTRA = { test: [], night: [{ from: at("2027-03-24", "14:00"), to: at("2027-03-24", "16:00") }] };

const SPECS: Spec[] = [
  // Before the period: "old" is not a new patient in it.
  { practitioner: "test", service: "consultation", patient: "old", date: "2027-01-11", time: "09:00", minutes: 30, status: "completed", source: "staff", createdAt: "2027-01-01T09:00:00Z" },
  { practitioner: "test", service: "consultation", patient: "old", date: "2027-03-22", time: "09:00", minutes: 30, status: "completed", source: "staff", createdAt: "2027-03-01T09:00:00Z" },
  { practitioner: "test", service: "consultation", patient: "newA", date: "2027-03-22", time: "11:00", minutes: 30, status: "no_show", source: "online", createdAt: "2027-03-21T11:00:00Z" },
  { practitioner: "test", service: "followUp", patient: "newA", date: "2027-03-22", time: "12:00", minutes: 15, status: "completed", source: "online", createdAt: "2027-03-22T08:00:00Z" },
  // Cancelled 4 hours before: late (the notice is 24 hours). newB's first kept one is on Sunday.
  { practitioner: "test", service: "consultation", patient: "newB", date: "2027-03-22", time: "13:00", minutes: 30, status: "cancelled", source: "online", createdAt: "2027-03-10T10:00:00Z", cancelledAt: "2027-03-22T08:00:00Z" },
  { practitioner: "test", service: "consultation", patient: "old", date: "2027-03-22", time: "14:00", minutes: 30, status: "cancelled", source: "staff", createdAt: "2027-03-01T10:00:00Z", cancelledAt: "2027-03-15T10:00:00Z" },
  { practitioner: "night", service: "followUp", patient: "newB", date: "2027-03-28", time: "01:30", minutes: 15, status: "arrived", source: "staff", createdAt: "2027-03-20T10:00:00Z" },
  { practitioner: "night", service: "consultation", patient: "pat", date: "2027-03-22", time: "09:00", minutes: 30, status: "booked", source: "online", createdAt: "2027-03-22T07:00:00Z" },
  { practitioner: "night", service: "consultation", patient: "old", date: "2027-03-24", time: "14:30", minutes: 60, status: "completed", source: "staff", createdAt: "2027-02-01T10:00:00Z" },
  // After the period.
  { practitioner: "night", service: "consultation", patient: "newA", date: "2027-03-29", time: "09:00", minutes: 30, status: "booked", source: "online", createdAt: "2027-03-01T10:00:00Z" },
];

/** Minutes of [from, to] (local dates) a practitioner works, counted minute by minute from the instants. */
function workingMinutes(who: "test" | "night", from: string, to: string): number {
  const spans: Array<{ from: Date; to: Date }> = [...EXTRA[who]];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    for (const hours of WEEKLY[who].filter((h) => h.weekday === weekday)) spans.push({ from: at(date, hours.start), to: at(date, hours.end) });
  }
  const start = at(from, "00:00").getTime();
  const end = at(addDays(to, 1), "00:00").getTime();
  let minutes = 0;
  for (let t = start; t < end; t += MINUTE) {
    const inside = (s: { from: Date; to: Date }) => s.from.getTime() <= t && t < s.to.getTime();
    if (spans.some(inside) && !OFF[who].some(inside)) minutes += 1;
  }
  return minutes;
}

/** The figures computed here from the specs, as the report should give them. */
function expected(specs: Spec[], from: string, to: string, working: number | null) {
  const start = at(from, "00:00").getTime();
  const end = at(addDays(to, 1), "00:00").getTime();
  const startOf = (s: Spec) => at(s.date, s.time).getTime();
  const inPeriod = specs.filter((s) => startOf(s) >= start && startOf(s) < end);
  const kept = inPeriod.filter((s) => s.status !== "cancelled");
  const outcomes = kept.filter((s) => ["arrived", "completed", "no_show"].includes(s.status));
  const noShows = kept.filter((s) => s.status === "no_show").length;
  const booked = kept.reduce((sum, s) => sum + s.minutes, 0);
  const leads = kept.map((s) => (startOf(s) - Date.parse(s.createdAt)) / MINUTE).sort((a, b) => a - b);
  const median = leads.length === 0 ? null : leads.length % 2 ? leads[(leads.length - 1) / 2]! : (leads[leads.length / 2 - 1]! + leads[leads.length / 2]!) / 2;
  const everyKept = SPECS.filter((s) => s.status !== "cancelled").sort((a, b) => startOf(a) - startOf(b));
  const firsts = kept.filter((s) => everyKept.find((k) => k.patient === s.patient) === s);
  const cancelled = inPeriod.filter((s) => s.status === "cancelled");
  return {
    appointments: kept.length,
    cancelled: cancelled.length,
    lateCancellations: cancelled.filter((s) => Date.parse(s.cancelledAt!) >= startOf(s) - 24 * 60 * MINUTE).length,
    noShows,
    noShowRate: outcomes.length ? noShows / outcomes.length : null,
    bookedMinutes: booked,
    workingMinutes: working,
    utilisation: working ? booked / working : null,
    online: kept.filter((s) => s.source === "online").length,
    onlineShare: kept.length ? kept.filter((s) => s.source === "online").length / kept.length : null,
    leadTimeMedianMinutes: median === null ? null : Math.round(median),
    newPatients: firsts.length,
  };
}

let world: Awaited<ReturnType<typeof createStaffWorld>>;
let nightId: string;

beforeAll(async () => {
  world = await createStaffWorld(db);
  const { clinicId, practitionerId, serviceId, otherServiceId, patientId } = world.staffed.clinic;
  await world.inClinic(async (tx) => {
    const [night] = await tx.insert(practitioners).values({ clinicId, displayName: "Dr Night" }).returning({ id: practitioners.id });
    nightId = night!.id;
    await tx.insert(workingHours).values(WEEKLY.night.map((h) => ({ clinicId, practitionerId: nightId, weekday: h.weekday, startTime: h.start, endTime: h.end })));
    await tx.insert(scheduleExceptions).values([
      ...OFF.test.map((s) => ({ clinicId, practitionerId, kind: "unavailable" as const, startsAt: s.from, endsAt: s.to })),
      ...EXTRA.night.map((s) => ({ clinicId, practitionerId: nightId, kind: "available" as const, startsAt: s.from, endsAt: s.to })),
    ]);
    const made = await tx
      .insert(patients)
      .values(["Old Patient", "New A", "New B"].map((fullName) => ({ clinicId, fullName })))
      .returning({ id: patients.id });
    const patientIds = { old: made[0]!.id, newA: made[1]!.id, newB: made[2]!.id, pat: patientId };
    await tx.insert(appointments).values(
      SPECS.map((s) => {
        const startsAt = at(s.date, s.time);
        const endsAt = new Date(startsAt.getTime() + s.minutes * MINUTE);
        return {
          clinicId,
          practitionerId: s.practitioner === "test" ? practitionerId : nightId,
          serviceId: s.service === "consultation" ? serviceId : otherServiceId,
          patientId: patientIds[s.patient],
          startsAt,
          endsAt,
          blockedFrom: startsAt,
          blockedTo: endsAt,
          status: s.status,
          source: s.source,
          createdAt: new Date(s.createdAt),
          cancelledAt: s.cancelledAt ? new Date(s.cancelledAt) : null,
        };
      }),
    );
  });
  // Another clinic with a busy week at the same dates: none of it may count here.
  const other = await createTestClinic(db);
  await withTenant(db, { clinicId: other.clinicId, userId: null, role: "owner" }, (tx) =>
    tx.insert(appointments).values(
      [9, 10, 11].map((hour) => {
        const startsAt = at("2027-03-22", `${String(hour).padStart(2, "0")}:00`);
        const endsAt = new Date(startsAt.getTime() + 30 * MINUTE);
        return { clinicId: other.clinicId, practitionerId: other.practitionerId, serviceId: other.serviceId, patientId: other.patientId, startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "no_show" as const, source: "online" as const };
      }),
    ),
  );
});

describe("reports.dashboard", () => {
  it("matches the totals computed from the rows, by practitioner and service, over a spring-forward week", async () => {
    const owner = await world.as("owner");
    const report = await owner.reports.dashboard({ from: "2027-03-22", to: "2027-03-28" });
    const { practitionerId, serviceId, otherServiceId } = world.staffed.clinic;
    // The Sunday of 28 March has 23 hours: 01:00-05:00 on the clock is 3 hours of work.
    expect(workingMinutes("night", "2027-03-28", "2027-03-28")).toBe(180);
    const testMinutes = workingMinutes("test", "2027-03-22", "2027-03-28");
    const nightMinutes = workingMinutes("night", "2027-03-22", "2027-03-28");
    expect([testMinutes, nightMinutes]).toEqual([420, 480]);

    expect(report.period).toEqual({ from: "2027-03-22", to: "2027-03-28", timezone: ZONE, start: "2027-03-21T23:00:00.000Z", end: "2027-03-28T22:00:00.000Z" });
    expect(report.totals).toEqual(expected(SPECS, "2027-03-22", "2027-03-28", testMinutes + nightMinutes));
    expect(report.totals).toMatchObject({ appointments: 6, noShowRate: 0.2, lateCancellations: 1, newPatients: 3 });
    const byPractitioner = Object.fromEntries(report.practitioners.map((p) => [p.id, p]));
    expect(byPractitioner[practitionerId]).toMatchObject({ name: "Dr Test", ...expected(SPECS.filter((s) => s.practitioner === "test"), "2027-03-22", "2027-03-28", testMinutes) });
    expect(byPractitioner[nightId]).toMatchObject({ name: "Dr Night", ...expected(SPECS.filter((s) => s.practitioner === "night"), "2027-03-22", "2027-03-28", nightMinutes) });
    const byService = Object.fromEntries(report.services.map((s) => [s.id, s]));
    expect(byService[serviceId]).toMatchObject({ name: "Consultation", ...expected(SPECS.filter((s) => s.service === "consultation"), "2027-03-22", "2027-03-28", null) });
    expect(byService[otherServiceId]).toMatchObject({ name: "Follow-up", ...expected(SPECS.filter((s) => s.service === "followUp"), "2027-03-22", "2027-03-28", null) });
  });

  it("counts the 25 hours of a fall-back Sunday", async () => {
    const report = await (await world.as("admin")).reports.dashboard({ from: "2027-10-25", to: "2027-10-31" });
    expect(workingMinutes("night", "2027-10-31", "2027-10-31")).toBe(300);
    const night = report.practitioners.find((p) => p.id === nightId)!;
    expect(night.workingMinutes).toBe(workingMinutes("night", "2027-10-25", "2027-10-31"));
    expect(night).toMatchObject({ workingMinutes: 480, appointments: 0, utilisation: 0, noShowRate: null, leadTimeMedianMinutes: null });
    expect(report.totals.appointments).toBe(0);
  });

  it("counts a newcomer once, for the first of two appointments at the same time (the lower id), and a cancelled first visit not at all", async () => {
    const { clinicId, practitionerId, serviceId, otherServiceId } = world.staffed.clinic;
    const startsAt = at("2027-05-10", "09:00");
    const endsAt = new Date(startsAt.getTime() + 30 * MINUTE);
    const made = await world.inClinic(async (tx) => {
      const [twice, cancelledFirst] = await tx.insert(patients).values([{ clinicId, fullName: "Twice Booked" }, { clinicId, fullName: "Cancelled First" }]).returning({ id: patients.id });
      const slot = { clinicId, startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, source: "staff" as const, status: "completed" as const };
      const rows = await tx
        .insert(appointments)
        .values([
          { ...slot, practitionerId, serviceId, patientId: twice!.id },
          { ...slot, practitionerId: nightId, serviceId: otherServiceId, patientId: twice!.id },
          // Cancelled on the 3rd, kept on the 10th: the 10th is the first visit, in the period.
          { ...slot, practitionerId, serviceId, patientId: cancelledFirst!.id, startsAt: at("2027-05-03", "09:00"), endsAt: at("2027-05-03", "09:30"), blockedFrom: at("2027-05-03", "09:00"), blockedTo: at("2027-05-03", "09:30"), status: "cancelled" as const },
          { ...slot, practitionerId, serviceId: otherServiceId, patientId: cancelledFirst!.id, startsAt: at("2027-05-10", "10:00"), endsAt: at("2027-05-10", "10:30"), blockedFrom: at("2027-05-10", "10:00"), blockedTo: at("2027-05-10", "10:30") },
        ])
        .returning({ id: appointments.id, practitionerId: appointments.practitionerId, serviceId: appointments.serviceId });
      return rows;
    });
    const first = [made[0]!, made[1]!].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const report = await (await world.as("owner")).reports.dashboard({ from: "2027-05-10", to: "2027-05-16" });
    expect(report.totals).toMatchObject({ appointments: 3, newPatients: 2 });
    const newByPractitioner = Object.fromEntries(report.practitioners.map((p) => [p.id, p.newPatients]));
    expect(newByPractitioner).toMatchObject({ [practitionerId]: first.practitionerId === practitionerId ? 2 : 1, [nightId]: first.practitionerId === nightId ? 1 : 0 });
    const newByService = Object.fromEntries(report.services.map((s) => [s.id, s.newPatients]));
    expect(newByService).toMatchObject({ [serviceId]: first.serviceId === serviceId ? 1 : 0, [otherServiceId]: first.serviceId === otherServiceId ? 2 : 1 });
    // Over both weeks the cancelled visit is in the period too, and still not a first visit.
    const both = await (await world.as("owner")).reports.dashboard({ from: "2027-05-03", to: "2027-05-16" });
    expect(both.totals).toMatchObject({ appointments: 3, cancelled: 1, newPatients: 2 });
  });

  it("follows a merge: the duplicate's earlier first visit becomes the kept record's, and it is new once", async () => {
    const { clinicId, practitionerId, serviceId } = world.staffed.clinic;
    const visit = (patientId: string, date: string) => {
      const startsAt = at(date, "09:00");
      const endsAt = new Date(startsAt.getTime() + 30 * MINUTE);
      return { clinicId, practitionerId, serviceId, patientId, startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, source: "staff" as const, status: "completed" as const };
    };
    const [duplicate, kept] = await world.inClinic(async (tx) => {
      const made = await tx.insert(patients).values([{ clinicId, fullName: "Dup Licate" }, { clinicId, fullName: "Kept Record" }]).returning({ id: patients.id });
      await tx.insert(appointments).values([visit(made[0]!.id, "2027-06-07"), visit(made[1]!.id, "2027-06-14")]);
      return made;
    });
    const owner = await world.as("owner");
    const newIn = async (from: string, to: string) => (await owner.reports.dashboard({ from, to })).totals.newPatients;
    expect([await newIn("2027-06-07", "2027-06-13"), await newIn("2027-06-14", "2027-06-20")]).toEqual([1, 1]);
    await (await world.as("admin")).patients.merge({ sourceId: duplicate!.id, targetId: kept!.id });
    // One person: new in the first week (the visit the duplicate had), not again in the second.
    expect([await newIn("2027-06-07", "2027-06-13"), await newIn("2027-06-14", "2027-06-20")]).toEqual([1, 0]);
    await (await world.as("admin")).patients.unmerge({ sourceId: duplicate!.id });
    expect([await newIn("2027-06-07", "2027-06-13"), await newIn("2027-06-14", "2027-06-20")]).toEqual([1, 1]);
  });

  it("keeps the cancellation time in the database, whichever path cancels", async () => {
    const { clinicId, appointmentId } = world.staffed.clinic;
    const cancelledAt = () => world.inClinic(async (tx) => (await tx.select({ at: appointments.cancelledAt }).from(appointments).where(eq(appointments.id, appointmentId)))[0]!.at);
    await world.inClinic((tx) => tx.update(appointments).set({ status: "cancelled" }).where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, appointmentId))));
    expect(await cancelledAt()).toBeInstanceOf(Date);
    await world.inClinic((tx) => tx.update(appointments).set({ status: "booked" }).where(eq(appointments.id, appointmentId)));
    expect(await cancelledAt()).toBeNull();
  });

  it("never counts another clinic's rows, even asked for by id", async () => {
    const other = await createTestClinic(db);
    const rows = await withTenant(db, { clinicId: other.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.execute<{ kind: string; appointments: number | null }>(dashboardQuery(world.clinicId, { from: "2027-03-22", to: "2027-03-28" })),
    );
    // Row-level security hides this clinic's appointments and staff from the other clinic's scope.
    expect(rows.map((r) => [r.kind, r.appointments ?? 0])).toEqual([["total", 0]]);
  });

  it("is for owners and admins only", async () => {
    for (const role of ["receptionist", "practitioner"] as const) {
      expect(await codeOf((await world.as(role)).reports.dashboard({ from: "2027-03-22", to: "2027-03-28" }))).toBe("FORBIDDEN");
    }
  });

  it("refuses a period that ends before it starts, is longer than two years or is not a date, with the field named", async () => {
    const owner = await world.as("owner");
    for (const bad of [
      { from: "2027-03-22", to: "2027-03-21" },
      { from: "2025-01-01", to: "2027-01-02" },
      { from: "2027-02-30", to: "2027-03-01" },
      { from: "yesterday", to: "2027-03-01" },
    ]) {
      const refused = await refusal(owner.reports.dashboard(bad));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.fields.length).toBe(1);
    }
    // Exactly two years (a leap day included) is allowed.
    await expect(owner.reports.dashboard({ from: "2027-01-01", to: "2028-12-31" })).resolves.toBeTruthy();
  });

  it("answers over REST with a reports:read key, and a bad period is a 400 that names the field, never a 500", async () => {
    const server = await listen(world.deps);
    try {
      const { key } = await (await world.as("owner")).clinic.apiKeys.create({ name: "reports", scopes: ["reports:read"] });
      const get = (query: string) => fetch(`${server.base}/api/v1/reports/dashboard?${query}`, { headers: { Authorization: `Bearer ${key}` } });
      const good = await get("from=2027-03-22&to=2027-03-28");
      expect(good.status).toBe(200);
      expect(((await good.json()) as { totals: { appointments: number } }).totals.appointments).toBe(6);
      for (const query of ["from=2027-03-22&to=2027-03-01", "from=2027-03-22", "from=2027-13-01&to=2027-13-02", "from=1'or'1&to=2027-01-01"]) {
        const bad = await get(query);
        expect(bad.status).toBe(400);
        const body = (await bad.json()) as { error: { message: string; fieldErrors?: Record<string, string[]> } };
        expect(Object.keys(body.error.fieldErrors ?? {}).length).toBeGreaterThan(0);
        expect(body.error.message).not.toBe("");
        expect(JSON.stringify(body)).not.toMatch(/select|appointments_|stack/i);
      }
      // A key without the scope is refused.
      const { key: calendarKey } = await (await world.as("owner")).clinic.apiKeys.create({ name: "calendar", scopes: ["calendar:read"] });
      const refused = await fetch(`${server.base}/api/v1/reports/dashboard?from=2027-03-22&to=2027-03-28`, { headers: { Authorization: `Bearer ${calendarKey}` } });
      expect(refused.status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
