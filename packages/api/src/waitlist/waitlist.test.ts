// The waitlist end to end against a real database and the real job queue: a cancellation offers
// the freed time to the first waitlisted patient by e-mail, the link books it; with 20 patients
// offered the same time at once and claiming together, exactly one gets it and the others hear
// OFFER_GONE; an offer nobody takes in time goes to the next patient (injected clock).
import { withTenant } from "@frontdesk/db";
import { appointments, clinics, waitlistEntries, waitlistOffers } from "@frontdesk/db/schema";
import { addDays, instantAt, isoWeekday, todayIn } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, sessionFor } from "../testing";
import { createNotificationWorld } from "../testing/notifications";

let world: Awaited<ReturnType<typeof createNotificationWorld>>;
beforeAll(async () => {
  world = await createNotificationWorld("waitlist_offers");
});
afterAll(() => world.close());

const TZ = "Europe/Paris";
/** A local time `days` from the clock's today, in the clinic's zone. */
const at = (days: number, time: string) => instantAt(addDays(todayIn(TZ, world.clock.now()), days), time, TZ);
const email = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.test`;

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return `${error.code}:${(error.cause as { reason?: string } | undefined)?.reason ?? ""}`;
}

function setPolicy(mode: "in_order" | "all_at_once", minutes = 30) {
  return withTenant(world.db, { clinicId: world.clinic.clinicId, userId: null, role: "owner" }, (tx) =>
    tx.update(clinics).set({ waitlistOfferMode: mode, waitlistOfferMinutes: minutes }).where(eq(clinics.id, world.clinic.clinicId)),
  );
}

function join(patientEmail: string, days: number, wants: { timesOfDay?: Array<"morning" | "afternoon" | "evening">; serviceId?: string; practitionerId?: string; around?: number } = {}) {
  const around = wants.around ?? 1;
  return world.anyone().public.waitlist.join({
    clinicSlug: world.clinic.slug,
    serviceId: wants.serviceId ?? world.clinic.serviceId,
    ...(wants.practitionerId ? { practitionerId: wants.practitionerId } : {}),
    fromDate: addDays(todayIn(TZ, world.clock.now()), days - around),
    toDate: addDays(todayIn(TZ, world.clock.now()), days + around),
    timesOfDay: wants.timesOfDay ?? ["morning"],
    patient: { name: "Waiting Patient", email: patientEmail },
  });
}

/** The claim token in the last offer mail to `to`. */
function offerToken(to: string): string {
  const mail = world.mailer.sent.filter((m) => m.to === to && m.subject.startsWith("A time is free")).at(-1);
  const token = mail ? /\/waitlist\/([A-Za-z0-9._~-]+)/.exec(mail.text)?.[1] : undefined;
  if (!token) throw new Error(`no offer mail to ${to}`);
  return token;
}

const offersFor = (patientEmail: string) => world.mailer.sent.filter((m) => m.to === patientEmail && m.subject.startsWith("A time is free"));
const goneFor = (patientEmail: string) => world.mailer.sent.filter((m) => m.to === patientEmail && m.subject.startsWith("Taken"));

describe("the waitlist", () => {
  it("a cancellation offers the time to the first waitlisted patient only, and the link books it", async () => {
    await setPolicy("in_order");
    const start = at(10, "10:00");
    const booked = await world.book(start);
    const first = email("first");
    const second = email("second");
    await join(first, 10);
    await join(second, 10);
    await world.staff.appointments.cancel({ id: booked.id, version: booked.version, reason: "Patient called" });
    await world.runJobs();

    expect(offersFor(first)).toHaveLength(1);
    expect(offersFor(second)).toHaveLength(0);
    const token = offerToken(first);
    const shown = await world.anyone().public.waitlist.offer({ token });
    expect(shown).toMatchObject({ start, outcome: "pending", serviceName: "Consultation" });

    const claimed = await world.anyone().public.waitlist.claim({ token });
    expect(claimed.appointment.start).toBe(start);
    // A second click on the same link books nothing more.
    expect(await reason(world.anyone().public.waitlist.claim({ token }))).toBe("CONFLICT:OFFER_GONE");

    const list = await world.staff.waitlist.list({ status: "booked" });
    const entry = list.items.find((e) => e.appointmentId === claimed.appointment.id)!;
    expect(entry.offers.map((o) => o.outcome)).toEqual(["claimed"]);
    // The second patient still waits, offered nothing: the time is taken.
    await world.runJobs();
    expect(offersFor(second)).toHaveLength(0);
    expect((await world.staff.waitlist.list({ status: "waiting" })).items.some((e) => e.offers.length > 0)).toBe(false);
  });

  it("with 20 patients offered one time at once and claiming together, exactly one gets it and the others hear it is gone", async () => {
    await setPolicy("all_at_once");
    const start = at(12, "09:00");
    const booked = await world.book(start);
    const waiting = Array.from({ length: 20 }, (_, i) => email(`crowd${i}`));
    for (const address of waiting) await join(address, 12);
    await world.staff.appointments.cancel({ id: booked.id, version: booked.version, reason: "Patient called" });
    await world.runJobs();
    const tokens = waiting.map(offerToken);

    const results = await Promise.allSettled(tokens.map((token) => world.anyone().public.waitlist.claim({ token })));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason instanceof TRPCError ? `${r.reason.code}:${(r.reason.cause as { reason?: string } | undefined)?.reason ?? ""}` : String(r.reason)] : []));
    expect(new Set(refusals)).toEqual(new Set(["CONFLICT:OFFER_GONE"]));

    const taken = await world.inClinic((tx) =>
      tx.select().from(appointments).where(and(eq(appointments.clinicId, world.clinic.clinicId), eq(appointments.startsAt, new Date(start)), eq(appointments.status, "booked"))),
    );
    expect(taken).toHaveLength(1);
    // The worker tells the 19 others.
    await world.runJobs();
    await world.runJobs();
    expect(waiting.filter((address) => goneFor(address).length === 1)).toHaveLength(19);
    const outcomes = await world.inClinic((tx) => tx.select({ outcome: waitlistOffers.outcome }).from(waitlistOffers).where(eq(waitlistOffers.startsAt, new Date(start))));
    expect(outcomes.filter((o) => o.outcome === "claimed")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "gone")).toHaveLength(19);
  });

  it("an offer nobody takes in time expires and goes to the next patient", async () => {
    await setPolicy("in_order", 30);
    const start = at(14, "11:00");
    const booked = await world.book(start);
    const slow = email("slow");
    const next = email("next");
    await join(slow, 14);
    await join(next, 14);
    await world.staff.appointments.cancel({ id: booked.id, version: booked.version, reason: "Patient called" });
    await world.runJobs();
    const late = offerToken(slow);
    expect(offersFor(next)).toHaveLength(0);

    await world.travel(31 * 60_000);
    await world.runJobs();
    expect(offersFor(next)).toHaveLength(1);
    expect(await reason(world.anyone().public.waitlist.claim({ token: late }))).toBe("CONFLICT:OFFER_GONE");
    expect((await world.anyone().public.waitlist.offer({ token: late })).outcome).toBe("expired");
    const claimed = await world.anyone().public.waitlist.claim({ token: offerToken(next) });
    expect(claimed.appointment.start).toBe(start);
  });

  it("staff see the waitlist, book a waiting patient from it and take one off it", async () => {
    const start = at(20, "15:00");
    const patient = email("phoned");
    await join(patient, 20);
    const [entry] = (await world.staff.waitlist.list({ status: "waiting" })).items.filter((e) => e.fromDate === addDays(todayIn(TZ, world.clock.now()), 19));
    expect(entry).toMatchObject({ serviceName: "Consultation", source: "online", timesOfDay: ["morning"] });
    const appointment = await world.staff.waitlist.book({ entryId: entry!.id, practitionerId: world.clinic.practitionerIds[0]!, start });
    expect(appointment.start).toBe(start);
    expect(await reason(world.staff.waitlist.remove({ entryId: entry!.id }))).toBe("CONFLICT:ALREADY_DONE");

    await join(email("changed-mind"), 21);
    const [other] = (await world.staff.waitlist.list({ status: "waiting" })).items.filter((e) => e.fromDate === addDays(todayIn(TZ, world.clock.now()), 20));
    expect((await world.staff.waitlist.remove({ entryId: other!.id })).status).toBe("removed");
  });

  it("a clinic that switched the waitlist off refuses joining and offers freed times to nobody", async () => {
    await setPolicy("in_order");
    const start = at(16, "09:30");
    const booked = await world.book(start);
    const waiting = email("flag");
    await join(waiting, 16);
    const setFlag = (on: boolean) =>
      withTenant(world.db, { clinicId: world.clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set({ ownerFlags: { waitlist: on } }).where(eq(clinics.id, world.clinic.clinicId)));
    await setFlag(false);
    try {
      expect(await reason(join(email("late"), 16))).toBe("FORBIDDEN:FEATURE_OFF");
      await world.staff.appointments.cancel({ id: booked.id, version: booked.version, reason: "Patient called" });
      await world.runJobs();
      expect(offersFor(waiting)).toHaveLength(0);
    } finally {
      await setFlag(true);
    }
  });

  it("refuses bad input clearly and writes nothing", async () => {
    const before = await world.inClinic((tx) => tx.select({ id: waitlistEntries.id }).from(waitlistEntries));
    const today = todayIn(TZ, world.clock.now());
    const base = { clinicSlug: world.clinic.slug, serviceId: world.clinic.serviceId, patient: { name: "Someone", email: email("bad") } };
    expect(await reason(world.anyone().public.waitlist.join({ ...base, fromDate: addDays(today, 5), toDate: addDays(today, 2) }))).toBe("BAD_REQUEST:");
    expect(await reason(world.anyone().public.waitlist.join({ ...base, fromDate: today, toDate: addDays(today, 400) }))).toBe("BAD_REQUEST:");
    expect(await reason(world.anyone().public.waitlist.join({ ...base, fromDate: addDays(today, -9), toDate: addDays(today, -2) }))).toBe("BAD_REQUEST:RULE_BROKEN");
    expect(await reason(world.anyone().public.waitlist.join({ ...base, fromDate: today, toDate: today, timesOfDay: ["night" as "morning"] }))).toBe("BAD_REQUEST:");
    expect(await reason(world.anyone().public.waitlist.join({ ...base, serviceId: crypto.randomUUID(), fromDate: today, toDate: today }))).toBe("NOT_FOUND:NOT_FOUND");
    expect(await reason(world.anyone().public.waitlist.join({ ...base, practitionerId: crypto.randomUUID(), fromDate: today, toDate: today }))).toBe("NOT_FOUND:NOT_FOUND");
    expect(await reason(world.anyone().public.waitlist.claim({ token: "not-a-token" }))).toBe("NOT_FOUND:NOT_FOUND");
    expect(await reason(world.anyone().public.waitlist.offer({ token: "<script>" }))).toBe("BAD_REQUEST:");
    expect(await reason(world.staff.waitlist.book({ entryId: crypto.randomUUID(), practitionerId: world.clinic.practitionerIds[0]!, start: at(3, "10:00") }))).toBe("NOT_FOUND:NOT_FOUND");
    const after = await world.inClinic((tx) => tx.select({ id: waitlistEntries.id }).from(waitlistEntries));
    expect(after.length).toBe(before.length);
  });
});

describe("new hours on the waitlist", () => {
  const owner = async () => callerFor(world.deps, await sessionFor(world.deps, world.clinic.ownerUserId, world.clinic.clinicId)).caller;
  const practitionerId = () => world.clinic.practitionerIds[0]!;
  /** The start of the last offer a patient was sent, as the offer page shows it. */
  const offeredStart = async (to: string) => (await world.anyone().public.waitlist.offer({ token: offerToken(to) })).start;

  it("extra hours offer their first time to the first waitlisted patient who wants it, never to one of another practitioner or service", async () => {
    await setPolicy("in_order");
    const admin = await owner();
    // Both listed before the patients who fit, so that a wrong match would be chosen first.
    const colleague = await admin.practitioners.create({ displayName: "Dr Colleague" });
    const massage = await admin.services.create({ name: "Massage", durationMinutes: 30 });
    await admin.practitioners.setServices({ practitionerId: colleague.id, serviceIds: [world.clinic.serviceId, massage.id] });
    const wantsColleague = email("colleague");
    const wantsMassage = email("massage");
    await join(wantsColleague, 40, { timesOfDay: ["evening"], practitionerId: colleague.id });
    await join(wantsMassage, 40, { timesOfDay: ["evening"], serviceId: massage.id });
    const first = email("evening-first");
    const second = email("evening-second");
    await join(first, 40, { timesOfDay: ["evening"] });
    await join(second, 40, { timesOfDay: ["evening"] });

    // One new 30-minute time, 18:00, on a day the practitioner works until 17:00.
    await admin.schedule.exceptions.add({ practitionerId: practitionerId(), kind: "available", startsAt: at(40, "18:00"), endsAt: at(40, "18:30") });
    await world.runJobs();
    expect(offersFor(first)).toHaveLength(1);
    expect(await offeredStart(first)).toBe(at(40, "18:00"));
    expect(offersFor(second)).toHaveLength(0);
    expect(offersFor(wantsColleague)).toHaveLength(0);
    expect(offersFor(wantsMassage)).toHaveLength(0);
    // The offer is the usual one: the link books the new time.
    const claimed = await world.anyone().public.waitlist.claim({ token: offerToken(first) });
    expect(claimed.appointment.start).toBe(at(40, "18:00"));
  });

  it("a longer week offers each waitlisted patient, in order, their own new time; a shorter one offers nothing", async () => {
    await setPolicy("in_order");
    const admin = await owner();
    const week = await admin.schedule.getWeek({ practitionerId: practitionerId() });
    const weekday = isoWeekday(addDays(todayIn(TZ, world.clock.now()), 50));
    const first = email("week-first");
    const second = email("week-second");
    await join(first, 50, { timesOfDay: ["evening"], around: 0 });
    await join(second, 50, { timesOfDay: ["evening"], around: 0 });
    try {
      // Shorter on that weekday: nothing is new, nothing is offered.
      const shorter = week.intervals.map((i) => (i.weekday === weekday ? { ...i, end: "16:00" } : i));
      await admin.schedule.setWeek({ practitionerId: practitionerId(), intervals: shorter });
      await world.runJobs();
      expect(offersFor(first)).toHaveLength(0);

      const longer = week.intervals.map((i) => (i.weekday === weekday ? { ...i, end: "19:00" } : i));
      await admin.schedule.setWeek({ practitionerId: practitionerId(), intervals: longer });
      await world.runJobs();
      expect(await offeredStart(first)).toBe(at(50, "17:00"));
      expect(await offeredStart(second)).toBe(at(50, "17:30"));
    } finally {
      await admin.schedule.setWeek({ practitionerId: practitionerId(), intervals: week.intervals });
    }
  });

  it("time off given back offers the time it held; hours in the past offer nothing", async () => {
    await setPolicy("in_order");
    const admin = await owner();
    const off = await admin.schedule.exceptions.add({ practitionerId: practitionerId(), kind: "unavailable", startsAt: at(60, "09:00"), endsAt: at(60, "12:00") });
    const patient = email("time-off");
    await join(patient, 60, { timesOfDay: ["morning"], around: 0 });
    await world.runJobs();
    expect(offersFor(patient)).toHaveLength(0);
    await admin.schedule.exceptions.remove({ exceptionId: off.id });
    await world.runJobs();
    expect(await offeredStart(patient)).toBe(at(60, "09:00"));

    // Today, any time of day: extra hours that ended an hour ago are no use to anyone.
    const today = email("today");
    await join(today, 0, { timesOfDay: [], around: 0 });
    const now = world.clock.now().getTime();
    await admin.schedule.exceptions.add({ practitionerId: practitionerId(), kind: "available", startsAt: new Date(now - 3 * 3_600_000).toISOString(), endsAt: new Date(now - 3_600_000).toISOString() });
    await world.runJobs();
    expect(offersFor(today)).toHaveLength(0);
  });
});
