// A patient's own list (myAppointments.*) against the real database: signed in with an e-mailed
// code, linked to the clinic's records only once the code proved the address, and never shown
// another patient's or another clinic's appointments.
import { withTenant } from "@frontdesk/db";
import { appointments, auditLog, patients, users } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createBookableClinic, createTestDeps, mailedCode, sessionFor } from "../../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

// The test clock says 2026-11-22T09:00Z (10:00 in Paris); the clinics' notice is 24 hours.
const at = (date: string, localTime: string) => new Date(`${date}T${localTime}:00+01:00`).toISOString();

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const address = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.test`;

async function world() {
  const test = createTestDeps(db);
  const [here, elsewhere] = [await createBookableClinic(db), await createBookableClinic(db)];
  const book = (clinic: typeof here, start: string, email: string, name = "Léa Martin") =>
    callerFor(test.deps).caller.public.book({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      start,
      patient: { name, email, phone: "+33 6 12 34 56 78" },
      idempotencyKey: crypto.randomUUID(),
    });
  /** Signs in as a patient would: a code mailed to the address, typed back. */
  const signInWithCode = async (email: string) => {
    await callerFor(test.deps).caller.auth.requestCode({ email });
    const outcome = await callerFor(test.deps).caller.auth.verifyCode({ email, code: mailedCode(test.deps.mailer, email) });
    if (outcome.status !== "signed_in") throw new Error(outcome.status);
    const session = await sessionFor(test.deps, outcome.user.id, null);
    return { userId: outcome.user.id, mine: callerFor(test.deps, session).caller.myAppointments };
  };
  const asOwner = <T>(clinicId: string, work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId, userId: null, role: "owner" }, work);
  return { ...test, here, elsewhere, book, signInWithCode, asOwner };
}

describe("myAppointments", () => {
  it("shows the signed-in patient their own appointments at this clinic only, with their details to book again", async () => {
    const w = await world();
    const email = address("lea");
    const soon = await w.book(w.here, at("2026-11-30", "10:00"), email);
    const later = await w.book(w.here, at("2026-12-03", "11:00"), email);
    await w.book(w.here, at("2026-11-30", "11:00"), address("someone-else"), "Someone Else");
    const otherClinic = await w.book(w.elsewhere, at("2026-11-30", "10:00"), email);

    const { userId, mine } = await w.signInWithCode(email);
    expect(await mine.list({ clinicSlug: w.here.slug }), "nothing before the link").toMatchObject({ patient: null, upcoming: [], past: [] });
    expect(await mine.link({ clinicSlug: w.here.slug })).toEqual({ linked: 1 });

    const list = await mine.list({ clinicSlug: w.here.slug });
    expect(list.patient).toEqual({ fullName: "Léa Martin", email, phone: "+33612345678" });
    expect(list.upcoming.map((a) => a.id)).toEqual([soon.appointment.id, later.appointment.id]);
    expect(list.upcoming[0]).toMatchObject({ serviceName: "Consultation", status: "booked", canChange: true, changeableUntil: "2026-11-29T09:00:00.000Z" });
    expect(list.past).toEqual([]);
    expect(JSON.stringify(list)).not.toContain(otherClinic.appointment.id);

    // The other clinic's record with the same address is that clinic's: linked only from its own page.
    const [record] = await w.asOwner(w.elsewhere.clinicId, (tx) => tx.select({ userId: patients.userId }).from(patients));
    expect(record!.userId).toBeNull();
    const there = await mine.list({ clinicSlug: w.elsewhere.slug });
    expect(there.upcoming).toEqual([]);
    const [linkedHere] = await w.asOwner(w.here.clinicId, (tx) => tx.select({ userId: patients.userId }).from(patients).where(eq(patients.email, email)));
    expect(linkedHere!.userId).toBe(userId);
  });

  it("links nothing for an address nobody proved, and shows it nothing", async () => {
    const w = await world();
    const email = address("unproved");
    await w.book(w.here, at("2026-11-30", "10:00"), email);
    // An account from before addresses were verified: whoever typed the address first owns it.
    const [user] = await w.asOwner(w.here.clinicId, (tx) => tx.insert(users).values({ email, name: "Stranger" }).returning({ id: users.id }));
    const mine = callerFor(w.deps, await sessionFor(w.deps, user!.id, null)).caller.myAppointments;
    const refused = await failure(mine.link({ clinicSlug: w.here.slug }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "Confirm your e-mail address first: sign in with a code sent to it"]);
    expect((await mine.list({ clinicSlug: w.here.slug })).upcoming).toEqual([]);
    const [record] = await w.asOwner(w.here.clinicId, (tx) => tx.select({ userId: patients.userId }).from(patients));
    expect(record!.userId).toBeNull();
  });

  it("cancels the patient's own appointment and records who did it", async () => {
    const w = await world();
    const email = address("cancel");
    const booked = await w.book(w.here, at("2026-11-30", "10:00"), email);
    const { userId, mine } = await w.signInWithCode(email);
    await mine.link({ clinicSlug: w.here.slug });
    const answer = await mine.cancel({ clinicSlug: w.here.slug, appointmentId: booked.appointment.id, reason: "Feeling better" });
    expect(answer.appointment.status).toBe("cancelled");
    const list = await mine.list({ clinicSlug: w.here.slug });
    expect(list.upcoming).toMatchObject([{ id: booked.appointment.id, status: "cancelled", canChange: false }]);
    const audit = await w.asOwner(w.here.clinicId, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, "cancel")));
    expect(audit.map((a) => [a.actorKind, a.actorUserId])).toEqual([["patient_account", userId]]);
  });

  it("moves the patient's own appointment to another free time", async () => {
    const w = await world();
    const email = address("move");
    const booked = await w.book(w.here, at("2026-11-30", "10:00"), email);
    const { mine } = await w.signInWithCode(email);
    await mine.link({ clinicSlug: w.here.slug });
    const moved = await mine.reschedule({ clinicSlug: w.here.slug, appointmentId: booked.appointment.id, start: at("2026-12-01", "14:00") });
    expect(moved.appointment.start).toBe(new Date(at("2026-12-01", "14:00")).toISOString());
  });

  it("answers NOT_FOUND for another patient's or another clinic's appointment, and changes nothing", async () => {
    const w = await world();
    const email = address("nosy");
    await w.book(w.here, at("2026-11-30", "10:00"), email);
    const theirs = await w.book(w.here, at("2026-11-30", "12:00"), address("neighbour"), "Neighbour");
    const sameAddressElsewhere = await w.book(w.elsewhere, at("2026-11-30", "12:00"), email);
    const { mine } = await w.signInWithCode(email);
    await mine.link({ clinicSlug: w.here.slug });
    for (const [clinic, id] of [
      [w.here, theirs.appointment.id],
      [w.here, sameAddressElsewhere.appointment.id],
      [w.elsewhere, theirs.appointment.id],
    ] as const) {
      const refused = await failure(mine.cancel({ clinicSlug: clinic.slug, appointmentId: id }));
      expect([refused.code, refused.message]).toEqual(["NOT_FOUND", "Appointment not found"]);
      const moveRefused = await failure(mine.reschedule({ clinicSlug: clinic.slug, appointmentId: id, start: at("2026-12-01", "15:00") }));
      expect(moveRefused.code).toBe("NOT_FOUND");
    }
    const statuses = [
      ...(await w.asOwner(w.here.clinicId, (tx) => tx.select({ status: appointments.status, version: appointments.version }).from(appointments))),
      ...(await w.asOwner(w.elsewhere.clinicId, (tx) => tx.select({ status: appointments.status, version: appointments.version }).from(appointments))),
    ];
    expect(statuses.every((s) => s.status === "booked" && s.version === 1)).toBe(true);
  });

  it("refuses a cancellation inside the clinic's notice with the clinic's words, and writes nothing", async () => {
    const w = await world();
    const email = address("late");
    const tomorrow = await w.book(w.here, at("2026-11-23", "09:00"), email);
    const { mine } = await w.signInWithCode(email);
    await mine.link({ clinicSlug: w.here.slug });
    expect((await mine.list({ clinicSlug: w.here.slug })).upcoming[0]!.canChange).toBe(false);
    const refused = await failure(mine.cancel({ clinicSlug: w.here.slug, appointmentId: tomorrow.appointment.id }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/^Online changes were possible until .+\. Please call Clinic book-[0-9a-f]{8}\.$/);
    const [row] = await w.asOwner(w.here.clinicId, (tx) => tx.select({ status: appointments.status }).from(appointments));
    expect(row!.status).toBe("booked");
    expect(await w.asOwner(w.here.clinicId, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, "cancel")))).toEqual([]);
  });

  it("needs a signed-in account", async () => {
    const w = await world();
    const refused = await failure(callerFor(w.deps).caller.myAppointments.list({ clinicSlug: w.here.slug }));
    expect(refused.code).toBe("UNAUTHORIZED");
  });
});

describe("signing in to the list with an e-mailed code", () => {
  it("answers the same for an address the clinic knows and one nobody knows", async () => {
    const w = await world();
    const known = address("known");
    await w.book(w.here, at("2026-11-30", "10:00"), known);
    const unknown = address("unknown");
    expect(await callerFor(w.deps).caller.auth.requestCode({ email: known })).toEqual(await callerFor(w.deps).caller.auth.requestCode({ email: unknown }));
  });

  it("refuses a wrong code, a malformed one and an expired one, and signs no one in", async () => {
    const w = await world();
    const email = address("codes");
    const { caller } = callerFor(w.deps);
    await caller.auth.requestCode({ email });
    const code = mailedCode(w.deps.mailer, email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const refused = await failure(caller.auth.verifyCode({ email, code: wrong }));
    expect([refused.code, refused.message]).toEqual(["UNAUTHORIZED", "That code is not right"]);
    const malformed = await failure(caller.auth.verifyCode({ email, code: "12ab56" }));
    // (Over HTTP the message is the field's own, "The code has 6 digits": the error formatter words it.)
    expect(malformed.code).toBe("BAD_REQUEST");
    w.clock.advance(11 * 60_000);
    const expired = await failure(caller.auth.verifyCode({ email, code }));
    expect([expired.code, expired.message]).toEqual(["UNAUTHORIZED", "That code is no longer valid. Ask for a new one."]);
    const accounts = await withTenant(db, { clinicId: w.here.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(users).where(eq(users.email, email)));
    expect(accounts).toEqual([]);
  });

  it("sends an address at most five codes an hour, known or not", async () => {
    const w = await world();
    for (const email of [address("flood-known"), address("flood-unknown")]) {
      for (let i = 0; i < 5; i++) await callerFor(w.deps).caller.auth.requestCode({ email });
      const refused = await failure(callerFor(w.deps).caller.auth.requestCode({ email }));
      expect([refused.code, refused.message]).toEqual(["TOO_MANY_REQUESTS", "Too many codes were sent to this address. Try again in an hour."]);
    }
  });
});
