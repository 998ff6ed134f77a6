// Staff MFA: TOTP set-up with a QR code, sign-in with a code or a recovery code, remembered
// devices that expire, throttled attempts, and the clinic's "staff must use MFA" policy.
import { totpAt } from "@frontdesk/auth";
import { withIdentity } from "@frontdesk/db";
import { users } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Context } from "../context";
import { callerFor, createStaffedClinic, createTestDeps, sessionFor, signUpVerified } from "../testing";
import { codeOf } from "../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

const PASSWORD = "correct horse battery";
const newEmail = () => `mfa-${crypto.randomUUID().slice(0, 8)}@example.test`;

/** The cookie a response set, as a browser would send it back. */
function cookiePair(headers: Headers, prefix: string): string | undefined {
  return headers.getSetCookie().find((c) => c.startsWith(prefix))?.split(";")[0];
}

/** A verified account with MFA on; returns its recovery codes and key. */
async function withMfa() {
  const test = createTestDeps(db);
  const email = newEmail();
  const signedUp = await signUpVerified(test.deps, { name: "Careful", email, password: PASSWORD });
  const session = await sessionFor(test.deps, signedUp.user.id, null);
  const account = callerFor(test.deps, session).caller;
  const setup = await account.auth.mfa.setup();
  const { recoveryCodes } = await account.auth.mfa.enable({ code: totpAt(setup.secret, test.clock.now()) });
  test.clock.advance(30_000); // the next code is a new one
  return { ...test, email, userId: signedUp.user.id, account, session, recoveryCodes, key: setup.secret };
}

/** Password sign-in up to the second step: the pending session, as the handler would pass it. */
async function passwordStep(deps: Context["deps"], email: string, extra: Partial<Context> = {}) {
  const { caller, ctx } = callerFor(deps, null, extra);
  const outcome = await caller.auth.signIn({ email, password: PASSWORD });
  const [pending] = await withIdentity(db, {}, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)));
  const { listUserSessions } = await import("@frontdesk/auth");
  const sessions = await listUserSessions(db, pending!.id, deps.clock.now());
  const session = sessions.find((s) => s.secondFactorPending) ?? null;
  return { outcome, headers: ctx.responseHeaders, pendingSession: session };
}

describe("setting MFA up", () => {
  it("shows the otpauth URI as a QR image, turns on only with a right code, and gives 10 recovery codes", async () => {
    const { deps, clock } = createTestDeps(db);
    const { user } = await signUpVerified(deps, { name: "Setup", email: newEmail(), password: PASSWORD });
    const account = callerFor(deps, await sessionFor(deps, user.id, null)).caller;
    const setup = await account.auth.mfa.setup();
    const uri = new URL(setup.uri);
    expect(`${uri.protocol}//${uri.host}${decodeURIComponent(uri.pathname)}`).toBe(`otpauth://totp/Frontdesk:${user.email}`);
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: "Frontdesk", algorithm: "SHA1", secret: setup.secret, period: "30", digits: "6" });
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(atob(setup.qrCode.split(",")[1]!)).toContain("<svg");
    expect(await account.auth.mfa.status()).toMatchObject({ enabled: false });

    const wrong = totpAt(setup.secret, new Date(clock.now().getTime() + 10 * 60_000));
    expect(await codeOf(account.auth.mfa.enable({ code: wrong }))).toBe("BAD_REQUEST");
    const { recoveryCodes } = await account.auth.mfa.enable({ code: totpAt(setup.secret, clock.now()) });
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await account.auth.mfa.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await codeOf(account.auth.mfa.setup())).toBe("CONFLICT");
  });
});

describe("signing in with MFA", () => {
  it("the password alone opens a session that waits for the code: nothing else works until it comes", async () => {
    const { deps, clock, email, key } = await withMfa();
    const { outcome, pendingSession } = await passwordStep(deps, email);
    expect(outcome).toEqual({ status: "mfa_required" });
    expect(pendingSession).not.toBeNull();
    // The handler treats a pending session as no session: ordinary procedures refuse.
    expect(await callerFor(deps, null, { pendingSession }).caller.auth.me()).toBeNull();
    const verify = callerFor(deps, null, { pendingSession });
    const result = await verify.caller.auth.mfa.verify({ code: totpAt(key, clock.now()) });
    expect(result).toMatchObject({ status: "signed_in", user: { email } });
    // The same code does not work twice.
    const again = await passwordStep(deps, email);
    expect(await codeOf(callerFor(deps, null, { pendingSession: again.pendingSession }).caller.auth.mfa.verify({ code: totpAt(key, clock.now()) }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("a recovery code works once, in any case and with or without its dash", async () => {
    const { deps, email, recoveryCodes, account } = await withMfa();
    const first = await passwordStep(deps, email);
    const code = recoveryCodes[3]!.toUpperCase().replace("-", " ");
    expect((await callerFor(deps, null, { pendingSession: first.pendingSession }).caller.auth.mfa.verify({ code })).status).toBe("signed_in");
    const second = await passwordStep(deps, email);
    expect(await codeOf(callerFor(deps, null, { pendingSession: second.pendingSession }).caller.auth.mfa.verify({ code }))).toBe("UNAUTHORIZED");
    expect((await account.auth.mfa.status()).recoveryCodesLeft).toBe(9);
  });

  it("throttles wrong codes like passwords: after 5 failures even the right code waits", async () => {
    const { deps, clock, email, key } = await withMfa();
    const { pendingSession } = await passwordStep(deps, email);
    const step = callerFor(deps, null, { pendingSession });
    for (let i = 0; i < 5; i++) expect(await codeOf(step.caller.auth.mfa.verify({ code: String(100000 + i) }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(deps, null, { pendingSession }).caller.auth.mfa.verify({ code: totpAt(key, clock.now()) }))).toBe("TOO_MANY_REQUESTS");
  });

  it("refuses the step after 10 minutes, and without a pending session", async () => {
    const { deps, clock, email, key } = await withMfa();
    const { pendingSession } = await passwordStep(deps, email);
    clock.advance(11 * 60_000);
    expect(await codeOf(callerFor(deps, null, { pendingSession }).caller.auth.mfa.verify({ code: totpAt(key, clock.now()) }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(deps).caller.auth.mfa.verify({ code: totpAt(key, clock.now()) }))).toBe("UNAUTHORIZED");
  });

  it("a remembered device skips the code for 30 days, then asks again", async () => {
    const { deps, clock, email, key } = await withMfa();
    const first = await passwordStep(deps, email);
    const verify = callerFor(deps, null, { pendingSession: first.pendingSession });
    await verify.caller.auth.mfa.verify({ code: totpAt(key, clock.now()), rememberDevice: true });
    const device = cookiePair(verify.ctx.responseHeaders, "frontdesk_device=")!;
    expect(verify.ctx.responseHeaders.getSetCookie().find((c) => c.startsWith("frontdesk_device="))).toMatch(/HttpOnly/);
    const deviceToken = device.split("=")[1]!;
    expect((await passwordStep(deps, email, { deviceToken })).outcome.status).toBe("signed_in");
    expect((await passwordStep(deps, email, { deviceToken: "a".repeat(32) })).outcome.status).toBe("mfa_required");
    clock.advance(31 * 24 * 60 * 60_000);
    expect((await passwordStep(deps, email, { deviceToken })).outcome.status).toBe("mfa_required");
  });

  it("turning MFA off needs a code, and then the password alone signs in again", async () => {
    const { deps, clock, email, key, account } = await withMfa();
    expect(await codeOf(account.auth.mfa.disable({ code: "000000" }))).toBe("BAD_REQUEST");
    expect(await account.auth.mfa.disable({ code: totpAt(key, clock.now()) })).toEqual({ enabled: false });
    expect((await passwordStep(deps, email)).outcome.status).toBe("signed_in");
  });
});

describe("a clinic that requires MFA of its staff", () => {
  it("refuses staff work to members without MFA, lets them reach their account, and cannot be turned on by an admin without MFA", async () => {
    const { deps, clock } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const admin = callerFor(deps, await sessionFor(deps, staffed.userIds.admin, staffed.clinic.clinicId)).caller;
    expect(await codeOf(admin.clinic.security.update({ requireMfa: true }))).toBe("BAD_REQUEST");

    const setup = await admin.auth.mfa.setup();
    await admin.auth.mfa.enable({ code: totpAt(setup.secret, clock.now()) });
    const adminAgain = callerFor(deps, await sessionFor(deps, staffed.userIds.admin, staffed.clinic.clinicId)).caller;
    expect(await adminAgain.clinic.security.update({ requireMfa: true })).toMatchObject({ requireMfa: true });

    const receptionist = callerFor(deps, await sessionFor(deps, staffed.userIds.receptionist, staffed.clinic.clinicId)).caller;
    expect(await codeOf(receptionist.patients.search({ query: "a" }))).toBe("FORBIDDEN");
    expect(await codeOf(receptionist.auth.mfa.status())).toBe("ok");
    expect((await receptionist.auth.mfa.status()).requiredBy).toEqual([`Clinic ${staffed.clinic.slug}`]);
    expect(await codeOf(adminAgain.patients.search({ query: "a" }))).toBe("ok");
    // Nor can a member turn MFA off while the clinic requires it.
    clock.advance(30_000);
    expect(await codeOf(adminAgain.auth.mfa.disable({ code: totpAt(setup.secret, clock.now()) }))).toBe("BAD_REQUEST");
  });
});
