// Security events: the user's own "recent activity", and the audit log of every clinic they work for.
import { totpAt } from "@frontdesk/auth";
import { withIdentity, withTenant } from "@frontdesk/db";
import { memberships, users } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createStaffedClinic, createTestDeps, sessionFor, signUpVerified } from "./testing";
import { codeOf } from "./testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

const PASSWORD = "correct horse battery";

describe("security events", () => {
  it("are listed newest first on the account, and appear in the audit log of the member's clinic only", async () => {
    const { deps, clock } = createTestDeps(db);
    const staffed = await createStaffedClinic(db);
    const other = await createStaffedClinic(db);
    const email = `events-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const { user } = await signUpVerified(deps, { name: "Watched", email, password: PASSWORD });
    await withTenant(db, { clinicId: staffed.clinic.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.insert(memberships).values({ clinicId: staffed.clinic.clinicId, userId: user.id, role: "receptionist" }),
    );

    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: "not the password" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(deps).caller.auth.signIn({ email, password: PASSWORD }))).toBe("ok");
    const session = await sessionFor(deps, user.id, staffed.clinic.clinicId);
    const me = callerFor(deps, session).caller;
    await me.auth.changePassword({ currentPassword: PASSWORD, newPassword: "another long passphrase" });
    const setup = await me.auth.mfa.setup();
    await me.auth.mfa.enable({ code: totpAt(setup.secret, clock.now()) });
    clock.advance(30_000);
    await me.auth.mfa.disable({ code: totpAt(setup.secret, clock.now()) });
    const spare = await sessionFor(deps, user.id, null);
    await me.auth.sessions.revoke({ sessionId: spare.id });
    await callerFor(deps, session).caller.auth.signOut();

    const again = callerFor(deps, await sessionFor(deps, user.id, staffed.clinic.clinicId)).caller;
    const activity = await again.auth.activity();
    expect(activity.map((e) => e.kind)).toEqual([
      "sign_out",
      "session_revoked",
      "mfa_disabled",
      "mfa_enabled",
      "password_changed",
      "sign_in",
      "sign_in_failed",
      "sign_in", // with the sign-up code
    ]);
    expect(activity[0]?.userAgent).toBe("vitest");
    expect(activity[0]?.ip).toMatch(/^2001:db8::/);

    const admin = callerFor(deps, await sessionFor(deps, staffed.userIds.admin, staffed.clinic.clinicId)).caller;
    const audited = (await admin.clinic.audit.list({ entity: "account" })).items;
    expect(audited.map((a) => a.action)).toEqual(["sign_out", "session_revoked", "mfa_disabled", "mfa_enabled", "password_changed", "sign_in", "sign_in_failed"]);
    expect(audited.every((a) => a.actorUserId === user.id && a.entityId === user.id)).toBe(true);
    const outsider = callerFor(deps, await sessionFor(deps, other.userIds.admin, other.clinic.clinicId)).caller;
    expect((await outsider.clinic.audit.list({ entity: "account" })).items.filter((a) => a.actorUserId === user.id)).toEqual([]);
  });

  it("another user's events stay theirs", async () => {
    const { deps } = createTestDeps(db);
    const a = await signUpVerified(deps, { name: "A", email: `a-${crypto.randomUUID().slice(0, 8)}@example.test`, password: PASSWORD });
    const b = await signUpVerified(deps, { name: "B", email: `b-${crypto.randomUUID().slice(0, 8)}@example.test`, password: PASSWORD });
    const asB = callerFor(deps, await sessionFor(deps, b.user.id, null)).caller;
    const [row] = await withIdentity(db, {}, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.id, a.user.id)));
    expect(row?.id).toBe(a.user.id);
    expect((await asB.auth.activity()).map((e) => e.kind)).toEqual(["sign_in"]); // B's own sign-up, none of A's
  });
});
