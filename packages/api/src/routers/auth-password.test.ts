// Forgotten passwords: an e-mailed link, single-use, expiring, that ends every session.
import { listUserSessions } from "@frontdesk/auth";
import { withIdentity } from "@frontdesk/db";
import { users } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { passwordResetMail } from "../account-mail";
import { callerFor, createStaffedClinic, createTestDeps, sessionFor, setClinicLocale, signUpVerified } from "../testing";
import { codeOf } from "../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";
const newEmail = () => `reset-${crypto.randomUUID().slice(0, 8)}@example.test`;
const linkIn = (text: string) => /\/app\/reset-password\/([a-z2-7]+)/.exec(text)?.[1];

async function withAccount() {
  const test = createTestDeps(db);
  const email = newEmail();
  const { user } = await signUpVerified(test.deps, { name: "Forgetful", email, password: PASSWORD });
  return { ...test, email, userId: user.id };
}

describe("password reset", () => {
  it("mails a link; the link sets the new password once and ends every session", async () => {
    const { deps, mailer, email, userId } = await withAccount();
    const elsewhere = await sessionFor(deps, userId, null);
    expect(await callerFor(deps).caller.auth.requestPasswordReset({ email: email.toUpperCase() })).toEqual({ sent: true });
    const token = linkIn(mailer.lastTo(email).text)!;
    expect(token).toMatch(/^[a-z2-7]{32}$/);

    expect(await callerFor(deps).caller.auth.resetPassword({ token, newPassword: NEW_PASSWORD })).toEqual({ reset: true });
    expect(elsewhere.userId).toBe(userId);
    expect(await listUserSessions(db, userId, deps.clock.now())).toEqual([]);
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: PASSWORD }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: NEW_PASSWORD }))).toBe("ok");
    // Single use.
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token, newPassword: "yet another passphrase" }))).toBe("BAD_REQUEST");
  });

  it("mails a member of a German clinic the link in German", async () => {
    const { deps, mailer } = createTestDeps(db);
    const { clinic, emails } = await createStaffedClinic(db);
    await setClinicLocale(db, clinic.clinicId, "de-DE");
    expect(await callerFor(deps).caller.auth.requestPasswordReset({ email: emails.receptionist })).toEqual({ sent: true });
    const mail = mailer.lastTo(emails.receptionist);
    expect(mail.subject).toBe("Wählen Sie ein neues Frontdesk-Passwort");
    const link = `${deps.publicUrl}/app/reset-password/${linkIn(mail.text)!}`;
    expect(mail).toEqual(passwordResetMail(emails.receptionist, link, "de"));
  });

  it("mails someone who works at no clinic in English", async () => {
    const { deps, mailer, email } = await withAccount();
    await callerFor(deps).caller.auth.requestPasswordReset({ email });
    const mail = mailer.lastTo(email);
    expect(mail.subject).toBe("Choose a new Frontdesk password");
    expect(mail).toEqual(passwordResetMail(email, `${deps.publicUrl}/app/reset-password/${linkIn(mail.text)!}`, "en"));
  });

  it("answers the same for an unknown address, and mails nothing there", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    expect(await callerFor(deps).caller.auth.requestPasswordReset({ email })).toEqual({ sent: true });
    expect(mailer.sent.filter((m) => m.to === email)).toEqual([]);
  });

  it("refuses an expired link, a forged one and a weak password, and a refused password keeps the link usable", async () => {
    const { deps, mailer, clock, email } = await withAccount();
    await callerFor(deps).caller.auth.requestPasswordReset({ email });
    const token = linkIn(mailer.lastTo(email).text)!;
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token, newPassword: "short" }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token, newPassword: email }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token: "a".repeat(32), newPassword: NEW_PASSWORD }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token: "not a token", newPassword: NEW_PASSWORD }))).toBe("BAD_REQUEST");
    clock.advance(61 * 60_000);
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token, newPassword: NEW_PASSWORD }))).toBe("BAD_REQUEST");
  });

  it("a newer link replaces the older one, and at most 3 are mailed an hour", async () => {
    const { deps, mailer, email } = await withAccount();
    for (let i = 0; i < 4; i++) await callerFor(deps).caller.auth.requestPasswordReset({ email });
    const links = mailer.sent.filter((m) => m.to === email && m.subject.includes("new Frontdesk password")).map((m) => linkIn(m.text)!);
    expect(links).toHaveLength(3);
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token: links[0]!, newPassword: NEW_PASSWORD }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(deps).caller.auth.resetPassword({ token: links[2]!, newPassword: NEW_PASSWORD }))).toBe("ok");
  });

  it("proves the address: an account nobody verified gets the new password and counts as verified", async () => {
    const { deps, mailer } = createTestDeps(db);
    const email = newEmail();
    const [legacy] = await withIdentity(db, {}, async (tx) => tx.insert(users).values({ email, name: "Old", passwordHash: await deps.hasher.hash(PASSWORD) }).returning());
    await callerFor(deps).caller.auth.requestPasswordReset({ email });
    await callerFor(deps).caller.auth.resetPassword({ token: linkIn(mailer.lastTo(email).text)!, newPassword: NEW_PASSWORD });
    const [after] = await withIdentity(db, {}, (tx) => tx.select().from(users).where(eq(users.id, legacy!.id)));
    expect(after!.emailVerifiedAt).toEqual(deps.clock.now());
    expect((await callerFor(deps).caller.auth.signIn({ email, password: NEW_PASSWORD })).status).toBe("signed_in");
  });
});
