import { withIdentity } from "@frontdesk/db";
import { users } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createStaffedClinic, createTestDeps, sessionFor } from "../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

const unique = () => crypto.randomUUID().slice(0, 8);
const newEmail = () => `someone-${unique()}@example.test`;
const PASSWORD = "correct horse battery";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

function sessionCookie(headers: Headers): string | undefined {
  return headers.getSetCookie().find((c) => c.startsWith("frontdesk_session="));
}

describe("auth.signUp", () => {
  it("creates the account, stores only a hash, and signs the new user in", async () => {
    const { deps } = createTestDeps(db);
    const { caller, ctx } = callerFor(deps);
    const email = newEmail();
    const result = await caller.auth.signUp({ name: "  Ada Lovelace ", email: email.toUpperCase(), password: PASSWORD });
    expect(result.user).toMatchObject({ name: "Ada Lovelace", email });
    expect(JSON.stringify(result)).not.toContain("hash");
    expect(sessionCookie(ctx.responseHeaders)).toMatch(/HttpOnly/);
    const [row] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.email, email)));
    expect(row?.passwordHash).toBeTruthy();
    expect(row?.passwordHash).not.toContain(PASSWORD);
  });

  it.each([
    [{ name: "A", email: "not-an-email", password: PASSWORD }, "email"],
    [{ name: "A", email: newEmail(), password: "short" }, "password"],
    [{ name: "", email: newEmail(), password: PASSWORD }, "name"],
    [{ name: "A".repeat(10_000), email: newEmail(), password: PASSWORD }, "name"],
    [{ name: "A", email: `${"a".repeat(10_000)}@x.test`, password: PASSWORD }, "email"],
    [{ name: "A", email: newEmail(), password: "x".repeat(10_000) }, "password"],
  ])("refuses %j naming the field %s, and creates nothing", async (input, field) => {
    const { deps } = createTestDeps(db);
    const error = await callerFor(deps).caller.auth.signUp(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((error as TRPCError).cause)).toContain(field);
  });

  it("refuses a password equal to the e-mail", async () => {
    const { deps } = createTestDeps(db);
    const email = `long-address-${unique()}@example.test`;
    expect(await codeOf(callerFor(deps).caller.auth.signUp({ name: "A", email, password: email.toUpperCase() }))).toBe("BAD_REQUEST");
  });

  it("refuses a second account for the same e-mail, whatever its case", async () => {
    const { deps } = createTestDeps(db);
    const email = newEmail();
    await callerFor(deps).caller.auth.signUp({ name: "A", email, password: PASSWORD });
    expect(await codeOf(callerFor(deps).caller.auth.signUp({ name: "B", email: email.toUpperCase(), password: PASSWORD }))).toBe("CONFLICT");
  });
});

describe("auth.signIn", () => {
  async function account() {
    const { deps, clock } = createTestDeps(db);
    const email = newEmail();
    await callerFor(deps).caller.auth.signUp({ name: "A", email, password: PASSWORD });
    return { deps, clock, email };
  }

  it("signs in with the right password and opens the user's clinic", async () => {
    const { deps } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const [owner] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.id, staffed.clinic.ownerUserId)));
    await withIdentity(db, { userId: owner!.id }, async (tx) =>
      tx.update(users).set({ passwordHash: await deps.hasher.hash(PASSWORD) }).where(eq(users.id, owner!.id)),
    );
    const { caller, ctx } = callerFor(deps);
    await caller.auth.signIn({ email: owner!.email, password: PASSWORD });
    expect(sessionCookie(ctx.responseHeaders)).toBeTruthy();
  });

  it("answers the same for a wrong password and an unknown e-mail", async () => {
    const { deps, email } = await account();
    const wrong = await errorOf(callerFor(deps).caller.auth.signIn({ email, password: "wrong password!" }));
    const unknown = await errorOf(callerFor(deps).caller.auth.signIn({ email: newEmail(), password: "wrong password!" }));
    expect([wrong.code, wrong.message]).toEqual(["UNAUTHORIZED", "E-mail or password is incorrect"]);
    expect([unknown.code, unknown.message]).toEqual([wrong.code, wrong.message]);
  });

  it("slows down repeated failures for an account with TOO_MANY_REQUESTS and Retry-After, even with the right password", async () => {
    const { deps, email } = await account();
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: `wrong ${i} password` }))).toBe("UNAUTHORIZED");
    }
    const { caller, ctx } = callerFor(deps);
    expect(await codeOf(caller.auth.signIn({ email, password: PASSWORD }))).toBe("TOO_MANY_REQUESTS");
    expect(Number(ctx.responseHeaders.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("lets the account in again once the delay has passed", async () => {
    const { deps, clock, email } = await account();
    for (let i = 0; i < 5; i++) await codeOf(callerFor(deps).caller.auth.signIn({ email, password: `wrong ${i} password` }));
    clock.advance(16 * 60_000);
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: PASSWORD }))).toBe("ok");
  });
});

describe("sessions", () => {
  it("auth.me shows the user, their clinics and the active one; null when signed out", async () => {
    const { deps } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const session = await sessionFor(deps, staffed.userIds.receptionist, staffed.clinic.clinicId);
    const me = await callerFor(deps, session).caller.auth.me();
    expect(me?.activeClinicId).toBe(staffed.clinic.clinicId);
    expect(me?.memberships).toEqual([
      expect.objectContaining({ clinicId: staffed.clinic.clinicId, clinicSlug: staffed.clinic.slug, role: "receptionist" }),
    ]);
    expect(await callerFor(deps).caller.auth.me()).toBeNull();
  });

  it("auth.switchClinic refuses a clinic the user is not a member of", async () => {
    const { deps } = createTestDeps(db);
    const mine = await createStaffedClinic(db);
    const other = await createStaffedClinic(db);
    const session = await sessionFor(deps, mine.userIds.admin, mine.clinic.clinicId);
    expect(await codeOf(callerFor(deps, session).caller.auth.switchClinic({ clinicId: other.clinic.clinicId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(deps, session).caller.auth.switchClinic({ clinicId: "nope" }))).toBe("BAD_REQUEST");
  });

  it("lists the user's devices, marks the current one, and revokes another", async () => {
    const { deps } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const here = await sessionFor(deps, staffed.userIds.admin, staffed.clinic.clinicId);
    const there = await sessionFor(deps, staffed.userIds.admin, staffed.clinic.clinicId);
    const stranger = await sessionFor(deps, staffed.userIds.receptionist, staffed.clinic.clinicId);
    const { caller } = callerFor(deps, here);
    const list = await caller.auth.sessions.list();
    expect(list.map((s) => [s.id, s.current]).sort()).toEqual([[here.id, true], [there.id, false]].sort());
    expect(await codeOf(caller.auth.sessions.revoke({ sessionId: stranger.id }))).toBe("NOT_FOUND");
    await caller.auth.sessions.revoke({ sessionId: there.id });
    expect((await caller.auth.sessions.list()).map((s) => s.id)).toEqual([here.id]);
  });

  it("auth.changePassword needs the current password and ends every other session", async () => {
    const { deps } = createTestDeps(db);
    const email = newEmail();
    const signUp = callerFor(deps);
    await signUp.caller.auth.signUp({ name: "A", email, password: PASSWORD });
    const [user] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.email, email)));
    const here = await sessionFor(deps, user!.id, null);
    const elsewhere = await sessionFor(deps, user!.id, null);
    const { caller } = callerFor(deps, here);
    expect(await codeOf(caller.auth.changePassword({ currentPassword: "not the one", newPassword: "a brand new secret" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: "short" }))).toBe("BAD_REQUEST");
    const result = await caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: "a brand new secret" });
    expect(result.endedOtherSessions).toBeGreaterThanOrEqual(2); // the sign-up session and `elsewhere`
    const remaining = (await caller.auth.sessions.list()).map((s) => s.id);
    expect(remaining).toEqual([here.id]);
    expect(remaining).not.toContain(elsewhere.id);
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: "a brand new secret" }))).toBe("ok");
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: PASSWORD }))).toBe("UNAUTHORIZED");
  });

  it("auth.signOut ends the session and clears the cookie", async () => {
    const { deps } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const session = await sessionFor(deps, staffed.userIds.admin, staffed.clinic.clinicId);
    const { caller, ctx } = callerFor(deps, session);
    await caller.auth.signOut();
    expect(sessionCookie(ctx.responseHeaders)).toMatch(/Max-Age=0/);
    const other = await sessionFor(deps, staffed.userIds.admin, null);
    expect((await callerFor(deps, other).caller.auth.sessions.list()).map((s) => s.id)).not.toContain(session.id);
  });
});

describe("sign-in codes", () => {
  it("e-mails a 6-digit code and signs in with it, creating a passwordless account the first time", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    expect(await callerFor(deps).caller.auth.requestCode({ email })).toEqual({ sent: true });
    const code = /\b(\d{6})\b/.exec(mailer.lastTo(email).text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const { caller, ctx } = callerFor(deps);
    const result = await caller.auth.verifyCode({ email, code: code! });
    expect(result.user.email).toBe(email);
    expect(sessionCookie(ctx.responseHeaders)).toBeTruthy();
    // A code works once.
    expect(await codeOf(callerFor(deps).caller.auth.verifyCode({ email, code: code! }))).toBe("UNAUTHORIZED");
  });

  it("sends at most 5 codes an hour to one address", async () => {
    const { deps, clock } = createTestDeps(db);
    const email = newEmail();
    for (let i = 0; i < 5; i++) expect(await codeOf(callerFor(deps).caller.auth.requestCode({ email }))).toBe("ok");
    expect(await codeOf(callerFor(deps).caller.auth.requestCode({ email }))).toBe("TOO_MANY_REQUESTS");
    clock.advance(61 * 60_000);
    expect(await codeOf(callerFor(deps).caller.auth.requestCode({ email }))).toBe("ok");
  });

  it("refuses a wrong code and a code after 10 minutes", async () => {
    const { deps, mailer, clock } = createTestDeps(db);
    const email = newEmail();
    await callerFor(deps).caller.auth.requestCode({ email });
    const code = /\b(\d{6})\b/.exec(mailer.lastTo(email).text)![1]!;
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await codeOf(callerFor(deps).caller.auth.verifyCode({ email, code: wrong }))).toBe("UNAUTHORIZED");
    clock.advance(10 * 60_000 + 1);
    expect(await codeOf(callerFor(deps).caller.auth.verifyCode({ email, code }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(deps).caller.auth.verifyCode({ email, code: "12ab56" }))).toBe("BAD_REQUEST");
  });
});
