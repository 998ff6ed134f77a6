import { withTenant } from "@frontdesk/db";
import { appointmentEvents, appointments, auditLog, patients, scheduleExceptions, services } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createBookableClinic, createTestDeps } from "../../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

// The test clock says 2026-11-22T09:00Z; 2026-12-01 is a Tuesday, 2026-12-02 a Wednesday.
const DAY = "2026-12-01";
const at = (localTime: string, date = DAY) => new Date(`${date}T${localTime}:00+01:00`).toISOString(); // Paris in winter

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const patient = (name = "Léa Martin") => ({ name, email: `lea-${crypto.randomUUID().slice(0, 8)}@example.test`, phone: "+33 6 12 34 56 78" });

async function setup(options: Parameters<typeof createBookableClinic>[1] = {}) {
  const clinic = await createBookableClinic(db, options);
  const test = createTestDeps(db);
  const api = () => callerFor(test.deps).caller.public;
  const book = (start: string, extra: { practitionerId?: string; idempotencyKey?: string; patient?: ReturnType<typeof patient> } = {}) =>
    api().book({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      start,
      patient: extra.patient ?? patient(),
      idempotencyKey: extra.idempotencyKey ?? crypto.randomUUID(),
      ...(extra.practitionerId ? { practitionerId: extra.practitionerId } : {}),
    });
  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
  return { clinic, ...test, api, book, inClinic };
}

const startsOn = async (inClinic: Awaited<ReturnType<typeof setup>>["inClinic"]) =>
  inClinic((tx) => tx.select().from(appointments));

describe("public.clinic", () => {
  it("shows what a public page may show: bookable services and who offers them", async () => {
    const { clinic, api, inClinic } = await setup();
    await inClinic((tx) => tx.insert(services).values({ clinicId: clinic.clinicId, name: "Staff only", durationMinutes: 20, bookableOnline: false }));
    const page = await api().clinic({ clinicSlug: clinic.slug.toUpperCase() });
    expect(page.name).toBe(`Clinic ${clinic.slug}`);
    expect(page.timezone).toBe("Europe/Paris");
    expect(page.services.map((s) => s.name)).toEqual(["Consultation"]);
    expect(page.practitioners.map((p) => [p.displayName, p.serviceIds])).toEqual([
      ["A Practitioner", [clinic.serviceId]],
      ["B Practitioner", [clinic.serviceId]],
    ]);
    // The clinic's own phone is public (patients are told to call it); nothing else of the kind is.
    const { phone, ...rest } = page;
    expect(phone).toBeNull();
    expect(JSON.stringify(rest)).not.toMatch(/email|phone|patient/i);
  });

  it("answers NOT_FOUND for an unknown clinic", async () => {
    const { api } = await setup();
    expect((await failure(api().clinic({ clinicSlug: "no-such-clinic" }))).code).toBe("NOT_FOUND");
  });
});

describe("public.slots", () => {
  it("lists free times per local day, merging practitioners, and leaves out booked ones", async () => {
    const { clinic, api, book } = await setup();
    await book(at("09:00"), { practitionerId: clinic.practitionerIds[0] });
    const { timezone, durationMinutes, days } = await api().slots({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: "2026-12-02" });
    expect(timezone).toBe("Europe/Paris");
    expect(durationMinutes).toBe(30);
    expect(days.map((d) => d.date)).toEqual([DAY, "2026-12-02"]);
    // Start instants only: who is free stays on the server (the booking picks the practitioner).
    expect(days[0]!.starts[0]).toBe("2026-12-01T08:00:00Z");
    expect(days[0]!.starts).toHaveLength(16);
  });

  it("refuses a range over 62 days, a reversed range, and another clinic's service", async () => {
    const { clinic, api } = await setup();
    const other = await createBookableClinic(db);
    const base = { clinicSlug: clinic.slug, serviceId: clinic.serviceId };
    expect((await failure(api().slots({ ...base, from: "2026-12-01", to: "2027-03-01" }))).code).toBe("BAD_REQUEST");
    expect((await failure(api().slots({ ...base, from: "2026-12-02", to: "2026-12-01" }))).code).toBe("BAD_REQUEST");
    expect((await failure(api().slots({ ...base, from: "2026-02-30", to: "2026-03-01" }))).code).toBe("BAD_REQUEST");
    expect((await failure(api().slots({ ...base, serviceId: other.serviceId, from: DAY, to: DAY }))).code).toBe("NOT_FOUND");
    expect((await failure(api().slots({ ...base, practitionerId: other.practitionerIds[0], from: DAY, to: DAY }))).code).toBe("NOT_FOUND");
  });

  it("follows time off: an unavailable exception removes the time", async () => {
    const { clinic, api, inClinic } = await setup({ practitioners: 1 });
    await inClinic((tx) =>
      tx.insert(scheduleExceptions).values({ clinicId: clinic.clinicId, practitionerId: clinic.practitionerIds[0]!, kind: "unavailable", startsAt: new Date(at("09:00")), endsAt: new Date(at("13:00")) }),
    );
    const { days } = await api().slots({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: DAY });
    expect(days[0]!.starts[0]).toBe("2026-12-01T12:00:00Z");
  });
});

describe("public.book", () => {
  it("books, leaves the confirmation to the job worker, and audits it as an online booking", async () => {
    const { book, mailer, inClinic, api } = await setup();
    const who = patient();
    const result = await book(at("10:00"), { patient: who });
    expect(result.appointment).toMatchObject({ start: "2026-12-01T09:00:00.000Z", end: "2026-12-01T09:30:00.000Z", status: "booked", source: "online", timezone: "Europe/Paris" });
    expect(result.manageUrl).toBe(`http://localhost:3000/booking/${result.manageToken}`);
    // Sent by the worker (notifications/appointment-mail.test.ts), never in the request.
    expect(mailer.sent.filter((m) => m.to === who.email)).toEqual([]);
    const [audit] = await inClinic((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, result.appointment.id)));
    expect(audit).toMatchObject({ actorKind: "online_booking", action: "create", entity: "appointment" });
    expect(JSON.stringify(audit)).not.toContain(who.email);
    const events = await inClinic((tx) => tx.select().from(appointmentEvents).where(eq(appointmentEvents.appointmentId, result.appointment.id)));
    expect(events.map((e) => e.kind)).toEqual(["created"]);
    expect((await api().booking.get({ token: result.manageToken })).appointment.id).toBe(result.appointment.id);
  });

  it("answers CONFLICT with the next free times when the time is taken", async () => {
    const { book, clinic } = await setup({ practitioners: 1 });
    await book(at("10:00"));
    const error = await failure(book(at("10:00")));
    expect(error.code).toBe("CONFLICT");
    const next = (error.cause as { details?: { nextSlots?: Array<{ start: string }> } }).details?.nextSlots ?? [];
    expect(next.map((s) => s.start).slice(0, 2)).toEqual(["2026-12-01T09:30:00Z", "2026-12-01T10:00:00Z"]);
    expect(clinic.practitionerIds).toHaveLength(1);
  });

  it("refuses times the engine does not offer: outside hours, in the past, inside the minimum notice", async () => {
    const { book } = await setup({ practitioners: 1, policy: { minNoticeMinutes: 48 * 60 } });
    expect((await failure(book(at("07:00")))).code).toBe("CONFLICT");
    expect((await failure(book("2026-11-20T09:00:00Z"))).code).toBe("CONFLICT");
    expect((await failure(book("2026-11-23T09:00:00Z"))).code).toBe("CONFLICT");
    expect((await failure(book(at("10:10")))).code).toBe("CONFLICT");
  });

  it("gives 'first available' to the least-booked practitioner that day", async () => {
    const { clinic, book, inClinic } = await setup();
    await book(at("09:00"), { practitionerId: clinic.practitionerIds[0] });
    const any = await book(at("11:00"));
    expect(any.appointment.practitionerId).toBe(clinic.practitionerIds[1]);
    expect((await startsOn(inClinic)).length).toBe(2);
  });

  it("books once for the same idempotency key sent again", async () => {
    const { book, inClinic } = await setup();
    const key = crypto.randomUUID();
    const who = patient();
    const first = await book(at("12:00"), { idempotencyKey: key, patient: who });
    const again = await book(at("12:00"), { idempotencyKey: key, patient: who });
    expect(again.appointment.id).toBe(first.appointment.id);
    expect((await startsOn(inClinic)).length).toBe(1);
    expect((await failure(book(at("13:00"), { idempotencyKey: key, patient: who }))).code).toBe("CONFLICT");
  });

  it("links a returning patient by e-mail without revealing or changing the record", async () => {
    const { book, inClinic } = await setup();
    const who = patient("Léa Martin");
    const first = await book(at("09:00"), { patient: who });
    const second = await book(at("10:00"), { patient: { ...who, name: "Someone Else", email: who.email.toUpperCase() } });
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    const rows = await inClinic((tx) => tx.select().from(patients));
    expect(rows.map((p) => p.fullName)).toEqual(["Léa Martin"]);
  });

  it.each([
    ["an invalid e-mail", { patient: { name: "A", email: "not-an-email" } }],
    ["a 10 kB name", { patient: { name: "x".repeat(10_000), email: "a@example.test" } }],
    ["a start that is not an instant", { start: "tomorrow at ten" }],
    ["a start without a zone", { start: "2026-12-01T10:00:00" }],
    ["a start on a day that does not exist", { start: "2026-02-30T10:00:00Z" }],
    ["a start at hour 24", { start: "2026-12-01T24:00:00Z" }],
    ["no idempotency key", { idempotencyKey: undefined }],
    ["a date of birth that does not exist", { patient: { name: "A", email: "a@example.test", dateOfBirth: "1990-02-31" } }],
  ])("refuses %s with BAD_REQUEST and writes nothing", async (_what, change) => {
    const { clinic, api, inClinic } = await setup();
    const input = { clinicSlug: clinic.slug, serviceId: clinic.serviceId, start: at("10:00"), patient: patient(), idempotencyKey: crypto.randomUUID(), ...change };
    expect((await failure(api().book(input as never))).code).toBe("BAD_REQUEST");
    expect(await inClinic((tx) => tx.select().from(patients))).toEqual([]);
    expect(await startsOn(inClinic)).toEqual([]);
  });

  it("limits bookings per e-mail with TOO_MANY_REQUESTS when limits are on", async () => {
    const clinic = await createBookableClinic(db);
    const { deps } = createTestDeps(db, { rateLimits: { slotsPerIpPerMinute: 100, bookPerIpPerHour: 100, bookPerEmailPerHour: 2, managePerIpPerHour: 100 } });
    const who = patient();
    const book = (time: string) =>
      callerFor(deps).caller.public.book({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, start: at(time), patient: who, idempotencyKey: crypto.randomUUID() });
    await book("09:00");
    await book("10:00");
    expect((await failure(book("11:00"))).code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("manage links", () => {
  it("let the patient see and cancel their appointment, which frees the time", async () => {
    const { api, book, inClinic, clinic } = await setup({ practitioners: 1 });
    const { manageToken, appointment } = await book(at("15:00"));
    const view = await api().booking.get({ token: manageToken });
    expect(view).toMatchObject({ canChange: true, clinic: { slug: clinic.slug, cancellationNoticeMinutes: 1440 } });
    expect(view.changeableUntil).toBe("2026-11-30T14:00:00.000Z");
    const cancelled = await api().booking.cancel({ token: manageToken, reason: "Feeling better" });
    expect(cancelled.appointment.status).toBe("cancelled");
    const audit = await inClinic((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, appointment.id)));
    expect(audit.map((a) => [a.actorKind, a.action])).toEqual([
      ["online_booking", "create"],
      ["patient_link", "cancel"],
    ]);
    expect((await book(at("15:00"))).appointment.start).toBe(appointment.start);
    expect((await failure(api().booking.cancel({ token: manageToken })))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuse changes inside the cancellation notice, saying until when they were possible", async () => {
    const { api, book, clock } = await setup();
    const { manageToken } = await book(at("15:00"));
    clock.set(new Date("2026-11-30T15:00:00Z"));
    const error = await failure(api().booking.cancel({ token: manageToken }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/until .*2026/);
    expect((await api().booking.get({ token: manageToken })).canChange).toBe(false);
  });

  it("move the appointment to a free time, and refuse a taken one", async () => {
    const { api, book } = await setup({ practitioners: 1 });
    const { manageToken, appointment } = await book(at("15:00"));
    await book(at("16:00"));
    const moved = await api().booking.reschedule({ token: manageToken, start: at("11:00") });
    expect(moved.appointment).toMatchObject({ id: appointment.id, start: "2026-12-01T10:00:00.000Z", version: 2 });
    const error = await failure(api().booking.reschedule({ token: manageToken, start: at("16:00") }));
    expect(error.code).toBe("CONFLICT");
    // Moving onto its own current time is fine: it does not collide with itself.
    expect((await api().booking.reschedule({ token: manageToken, start: at("11:00") })).appointment.version).toBe(3);
  });

  it("work only for their own appointment, and not once tampered with", async () => {
    const { api, book } = await setup();
    const mine = await book(at("09:00"));
    const theirs = await book(at("10:00"));
    expect((await api().booking.get({ token: theirs.manageToken })).appointment.id).toBe(theirs.appointment.id);
    const [clinicPart, secret] = mine.manageToken.split(".");
    const tampered = `${clinicPart}.${secret!.slice(0, -2)}${secret!.endsWith("aa") ? "bb" : "aa"}`;
    expect((await failure(api().booking.get({ token: tampered }))).code).toBe("NOT_FOUND");
    expect((await failure(api().booking.cancel({ token: "x".repeat(40) }))).code).toBe("NOT_FOUND");
    const other = await createBookableClinic(db);
    const moved = `${other.clinicId}.${secret}`;
    expect((await failure(api().booking.get({ token: moved }))).code).toBe("NOT_FOUND");
    expect((await api().booking.get({ token: mine.manageToken })).appointment.status).toBe("booked");
  });

  it("stop working 30 days after the appointment", async () => {
    const { api, book, clock } = await setup();
    const { manageToken } = await book(at("09:00"));
    clock.set(new Date("2027-01-01T09:00:00Z"));
    expect((await failure(api().booking.get({ token: manageToken }))).code).toBe("NOT_FOUND");
  });
});

describe("daylight saving time, end to end (a New York clinic)", () => {
  it.each([
    ["2026-03-08", "13:00:00Z", "spring forward: 09:00 is EDT, UTC-4"],
    ["2026-11-01", "14:00:00Z", "fall back: 09:00 is EST, UTC-5"],
  ])("on %s the first slot and a booking land at 09:00 local (%s)", async (date, utc) => {
    const clinic = await createBookableClinic(db, { timezone: "America/New_York", practitioners: 1 });
    const test = createTestDeps(db);
    test.clock.set(new Date("2026-01-15T12:00:00Z"));
    const caller = callerFor(test.deps).caller.public;
    const { days } = await caller.slots({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: date, to: date });
    expect(days[0]!.starts[0]).toBe(`${date}T${utc}`);
    const booked = await caller.book({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, start: `${date}T${utc}`, patient: patient(), idempotencyKey: crypto.randomUUID() });
    const local = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(booked.appointment.start));
    expect(local).toBe("09:00");
  });
});
