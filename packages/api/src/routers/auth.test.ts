import { withIdentity, withTenant } from "@frontdesk/db";
import { memberships, users } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { accountExistsMail } from "../account-mail";
import { callerFor, createStaffedClinic, createTestDeps, mailedCode, sessionFor, setClinicLocale, signUpVerified } from "../testing";

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
  it("mails a code; the code creates the account, stores only a hash, and signs the new user in", async () => {
    const { deps, mailer } = createTestDeps(db);
    const { caller, ctx } = callerFor(deps);
    const email = newEmail();
    expect(await caller.auth.signUp({ name: "  Ada Lovelace ", email: email.toUpperCase(), password: PASSWORD })).toEqual({ verificationSent: true, email });
    // Nothing opens before the address is proved: no cookie, no account.
    expect(sessionCookie(ctx.responseHeaders)).toBeUndefined();
    expect(await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.email, email)))).toEqual([]);
    const verify = callerFor(deps);
    const result = await verify.caller.auth.verifyEmail({ email, code: mailedCode(mailer, email) });
    expect(result).toMatchObject({ status: "signed_in", user: { name: "Ada Lovelace", email } });
    expect(JSON.stringify(result)).not.toContain("hash");
    expect(sessionCookie(verify.ctx.responseHeaders)).toMatch(/HttpOnly/);
    const [row] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.email, email)));
    expect(row?.passwordHash).toBeTruthy();
    expect(row?.passwordHash).not.toContain(PASSWORD);
    expect(row?.emailVerifiedAt).toEqual(deps.clock.now());
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: PASSWORD }))).toBe("ok");
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

  it("answers the same for an address that has an account, whose owner gets a mail saying so and nothing changes", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    await signUpVerified(deps, { name: "A", email, password: PASSWORD });
    const again = await callerFor(deps).caller.auth.signUp({ name: "B", email: email.toUpperCase(), password: "another long secret" });
    const fresh = await callerFor(deps).caller.auth.signUp({ name: "C", email: newEmail(), password: PASSWORD });
    expect(Object.keys(again)).toEqual(Object.keys(fresh));
    expect(again).toEqual({ verificationSent: true, email });
    expect(mailer.lastTo(email).subject).toBe("You already have a Frontdesk account");
    expect(mailer.lastTo(email).text).not.toMatch(/\b\d{6}\b/);
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: "another long secret" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: PASSWORD }))).toBe("ok");
  });

  it("tells a member of a Spanish clinic in Spanish that they already have an account", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    const { user } = await signUpVerified(deps, { name: "Ana", email, password: PASSWORD });
    const clinic = await createTestClinic(db);
    await setClinicLocale(db, clinic.clinicId, "es-ES");
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.insert(memberships).values({ clinicId: clinic.clinicId, userId: user.id, role: "practitioner" }),
    );
    expect(await callerFor(deps).caller.auth.signUp({ name: "B", email, password: "another long secret" })).toEqual({ verificationSent: true, email });
    const mail = mailer.lastTo(email);
    expect(mail.subject).toBe("Ya tiene una cuenta de Frontdesk");
    expect(mail).toEqual(accountExistsMail(email, deps.publicUrl, "es"));
  });

  it("a sign-up code does not work as a sign-in code, and a sign-in code does not confirm a sign-up", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    await callerFor(deps).caller.auth.signUp({ name: "Stranger", email, password: PASSWORD });
    expect(await codeOf(callerFor(deps).caller.auth.verifyCode({ email, code: mailedCode(mailer, email) }))).toBe("UNAUTHORIZED");
    await callerFor(deps).caller.auth.requestCode({ email });
    expect(await codeOf(callerFor(deps).caller.auth.verifyEmail({ email, code: mailedCode(mailer, email) }))).toBe("UNAUTHORIZED");
  });
});

describe("e-mail ownership (issue 14, defect 1)", () => {
  it("a stranger who signs up with someone's address first gets nothing: the owner's code sign-in and invitation never meet their password", async () => {
    const { deps, mailer } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const newhire = `newhire-${unique()}@clinic.example`;
    const strangerPassword = "the stranger's own secret";
    // The stranger signs up as newhire; the code goes to newhire's mailbox, which the stranger cannot read.
    await callerFor(deps).caller.auth.signUp({ name: "Stranger", email: newhire, password: strangerPassword });
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email: newhire, password: strangerPassword }))).toBe("UNAUTHORIZED");

    // The clinic invites newhire; the real person signs in by code and accepts.
    const owner = callerFor(deps, await sessionFor(deps, staffed.userIds.owner, staffed.clinic.clinicId)).caller;
    await owner.clinic.staff.invite({ email: newhire, role: "receptionist" });
    const token = /\/app\/invite\/(\S+)/.exec(mailer.lastTo(newhire).text)![1]!;
    await callerFor(deps).caller.auth.requestCode({ email: newhire });
    const real = callerFor(deps);
    await real.caller.auth.verifyCode({ email: newhire, code: mailedCode(mailer, newhire) });
    const [account] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.email, newhire)));
    const member = callerFor(deps, await sessionFor(deps, account!.id, null)).caller;
    await member.clinic.staff.accept({ token });

    // The stranger's password still opens nothing, and nobody can search the clinic's patients with it.
    const stranger = callerFor(deps);
    expect(await codeOf(stranger.caller.auth.signIn({ email: newhire, password: strangerPassword }))).toBe("UNAUTHORIZED");
    expect(sessionCookie(stranger.ctx.responseHeaders)).toBeUndefined();
    expect(account!.passwordHash).toBeNull();
  });

  it("proving the address by code discards a password nobody proved and ends every session made with it", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    // An account from before verification existed: a password on an address nobody proved, and a session.
    const [legacy] = await withIdentity(db, {}, async (tx) =>
      tx.insert(users).values({ email, name: "Stranger", passwordHash: await deps.hasher.hash(PASSWORD) }).returning(),
    );
    const strangerSession = await sessionFor(deps, legacy!.id, null);
    await callerFor(deps).caller.auth.requestCode({ email });
    await callerFor(deps).caller.auth.verifyCode({ email, code: mailedCode(mailer, email) });
    expect(await callerFor(deps, strangerSession).caller.auth.sessions.list().then(
      (list) => list.map((s) => s.id),
    )).not.toContain(strangerSession.id);
    const [after] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.id, legacy!.id)));
    expect(after).toMatchObject({ passwordHash: null, emailVerifiedAt: deps.clock.now() });
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: PASSWORD }))).toBe("UNAUTHORIZED");
  });

  it("the right password on an unproved address asks for the address first, with a code that keeps the password", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    await withIdentity(db, {}, async (tx) => tx.insert(users).values({ email, name: "Old Account", passwordHash: await deps.hasher.hash(PASSWORD) }));
    const { caller, ctx } = callerFor(deps);
    expect(await caller.auth.signIn({ email, password: PASSWORD })).toEqual({ status: "verify_email", email });
    expect(sessionCookie(ctx.responseHeaders)).toBeUndefined();
    const verified = await callerFor(deps).caller.auth.verifyEmail({ email, code: mailedCode(mailer, email) });
    expect(verified).toMatchObject({ status: "signed_in", user: { email, name: "Old Account" } });
    expect((await callerFor(deps).caller.auth.signIn({ email, password: PASSWORD })).status).toBe("signed_in");
  });

  it("an invitation is accepted only by an account whose address was proved", async () => {
    const { deps, mailer } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const email = newEmail();
    const [unproved] = await withIdentity(db, {}, (tx) => tx.insert(users).values({ email, name: "Unproved" }).returning());
    const owner = callerFor(deps, await sessionFor(deps, staffed.userIds.owner, staffed.clinic.clinicId)).caller;
    await owner.clinic.staff.invite({ email, role: "admin" });
    const token = /\/app\/invite\/(\S+)/.exec(mailer.lastTo(email).text)![1]!;
    const invitee = callerFor(deps, await sessionFor(deps, unproved!.id, null)).caller;
    const refused = await errorOf(invitee.clinic.staff.accept({ token }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "Confirm your e-mail address first: sign in with a code sent to it"]);
  });
});

describe("auth.signIn", () => {
  async function account() {
    const { deps, clock } = createTestDeps(db);
    const email = newEmail();
    await signUpVerified(deps, { name: "A", email, password: PASSWORD });
    return { deps, clock, email };
  }

  it("signs in with the right password and opens the user's clinic", async () => {
    const { deps } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const [owner] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.id, staffed.clinic.ownerUserId)));
    await withIdentity(db, { userId: owner!.id }, async (tx) =>
      tx.update(users).set({ passwordHash: await deps.hasher.hash(PASSWORD), emailVerifiedAt: new Date() }).where(eq(users.id, owner!.id)),
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
    await signUpVerified(deps, { name: "A", email, password: PASSWORD });
    const [user] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.email, email)));
    const here = await sessionFor(deps, user!.id, null);
    const elsewhere = await sessionFor(deps, user!.id, null);
    const { caller } = callerFor(deps, here);
    expect(await codeOf(caller.auth.changePassword({ currentPassword: "not the one", newPassword: "a brand new secret" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: "short" }))).toBe("BAD_REQUEST");
    const result = await caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: "a brand new secret" });
    expect(result.endedOtherSessions).toBeGreaterThanOrEqual(2); // the verification's session and `elsewhere`
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
    expect(result).toMatchObject({ status: "signed_in", user: { email } });
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
