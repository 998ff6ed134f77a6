// auth.*: accounts and sessions. An address is proved before a password opens anything; proving
// it (sign-up code, code sign-in, reset link) discards a password nobody proved (ADR 0016).
import {
  checkLoginCode,
  countLoginCodesIssuedSince,
  invalidateSession,
  invalidateUserSessions,
  issueLoginCode,
  listUserSessions,
  passwordProblem,
  recordSignInFailure,
  recordSignInSuccess,
  serializeBlankSessionCookie,
  setActiveClinic,
  verifyLoginCode,
} from "@frontdesk/auth";
import { withIdentity } from "@frontdesk/db";
import { clinics, memberships, securityEvents, sessions, users } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, desc, eq } from "drizzle-orm";
import { changePasswordInput, requestCodeInput, revokeSessionInput, signInInput, signUpInput as signUpFields, switchClinicInput, verifyCodeInput } from "@frontdesk/domain";
import { accountExistsMail, accountLanguageOf, signUpCodeMail } from "../account-mail";
import type { Context } from "../context";
import { ForbiddenError, NotFoundError, RateLimitedError, RuleError, UnauthorizedError } from "../errors";
import { loginCodeMail } from "../mail";
import { recordSecurityEvent } from "../security-events";
import { procedure } from "../trpc";
import { mfaRouter } from "./auth-mfa";
import { passwordRouter } from "./auth-password";
import { afterFirstFactor, CODES_PER_HOUR, decoyHash, findUserByEmail, findUserById, INCORRECT, publicUser, throttle, type UserRow } from "./auth-session";

const HOUR = 60 * 60_000;
const ACTIVITY_SHOWN = 30;

// ---- Input schemas of this router's procedures ----
const signUpInput = signUpFields.superRefine((value, issue) => {
  const problem = passwordProblem(value.password, value.email);
  if (problem) issue.addIssue({ code: "custom", path: ["password"], message: problem });
});

const codeRefusal = (outcome: string) =>
  outcome === "expired" || outcome === "too_many_attempts" ? "That code is no longer valid. Ask for a new one." : "That code is not right";

async function codesLeft(ctx: Context, address: string): Promise<boolean> {
  const now = ctx.deps.clock.now();
  return (await countLoginCodesIssuedSince(ctx.deps.db, address, new Date(now.getTime() - HOUR))) < CODES_PER_HOUR;
}

/** Mails a code that, typed back, proves the address and creates (or completes) the password account. */
async function sendSignUpCode(ctx: Context, address: string, pending: { name: string; passwordHash: string }) {
  if (!(await codesLeft(ctx, address))) return;
  const code = await issueLoginCode(ctx.deps.db, address, ctx.deps.clock.now(), { purpose: "sign_up", pending });
  await ctx.deps.mailer.send(signUpCodeMail(address, code));
}

/**
 * The address is proved now. A password set while it was not (by whoever typed the address first)
 * goes, and so does every session it opened; `password` replaces it when the proof came with one.
 */
async function proveAddress(ctx: Context, user: UserRow, password: { name: string; passwordHash: string } | null): Promise<UserRow> {
  const now = ctx.deps.clock.now();
  const unproved = user.emailVerifiedAt === null;
  if (!unproved && password === null) return user;
  const [updated] = await withIdentity(ctx.deps.db, { userId: user.id }, (tx) =>
    tx
      .update(users)
      .set({
        emailVerifiedAt: user.emailVerifiedAt ?? now,
        updatedAt: now,
        ...(password ? { passwordHash: password.passwordHash, ...(unproved ? { name: password.name } : {}) } : { passwordHash: null }),
      })
      .where(eq(users.id, user.id))
      .returning(),
  );
  await invalidateUserSessions(ctx.deps.db, user.id);
  await recordSecurityEvent(ctx, user.id, "email_verified");
  return updated!;
}

export const authRouter = {
  /**
   * Starts a password account: the same answer whether or not the address has one (the e-mail
   * says which). Nothing opens until the code sent to the address comes back (auth.verifyEmail).
   */
  signUp: procedure("auth.signUp")
    .input(signUpInput)
    .mutation(async ({ ctx, input }) => {
      const existing = await findUserByEmail(ctx, input.email);
      // Hashed in both cases, so the answer takes as long whether or not the account exists.
      const passwordHash = await ctx.deps.hasher.hash(input.password);
      if (existing?.emailVerifiedAt) {
        // Each branch makes one more round trip before its mail (this read of the account's
        // language; the other, writing the code), so the lookup adds no step the other lacks.
        if (await codesLeft(ctx, input.email)) {
          const language = await accountLanguageOf(ctx.deps.db, existing.id);
          await ctx.deps.mailer.send(accountExistsMail(input.email, ctx.deps.publicUrl, language));
        }
      } else {
        await sendSignUpCode(ctx, input.email, { name: input.name, passwordHash });
      }
      return { verificationSent: true as const, email: input.email };
    }),

  /** The code from the sign-up e-mail: creates the account (or gives the unproved one its password) and signs in. */
  verifyEmail: procedure("auth.verifyEmail")
    .input(verifyCodeInput)
    .mutation(async ({ ctx, input }) => {
      await throttle(ctx, input.email);
      const now = ctx.deps.clock.now();
      const check = await checkLoginCode(ctx.deps.db, input.email, input.code, now, "sign_up");
      if (check.result !== "ok" || check.pending === null) {
        await recordSignInFailure(ctx.deps.db, { email: input.email, ip: ctx.ip }, now);
        throw new UnauthorizedError(codeRefusal(check.result), "WRONG_CREDENTIALS");
      }
      const pending = check.pending;
      const existing = await findUserByEmail(ctx, input.email);
      const user = existing
        ? await proveAddress(ctx, existing, pending)
        : await withIdentity(ctx.deps.db, {}, async (tx) => {
            const [created] = await tx
              .insert(users)
              .values({ name: pending.name, email: input.email, passwordHash: pending.passwordHash, emailVerifiedAt: now })
              .returning();
            return created!;
          });
      await recordSignInSuccess(ctx.deps.db, { email: input.email, ip: ctx.ip });
      return afterFirstFactor(ctx, user);
    }),

  signIn: procedure("auth.signIn")
    .input(signInInput)
    .mutation(async ({ ctx, input }) => {
      await throttle(ctx, input.email);
      const key = { email: input.email, ip: ctx.ip };
      const user = await findUserByEmail(ctx, input.email);
      const matches = user?.passwordHash
        ? await ctx.deps.hasher.verify(user.passwordHash, input.password)
        : await ctx.deps.hasher.verify(await decoyHash(ctx.deps.hasher), input.password).then(() => false);
      if (!user?.passwordHash || !matches) {
        await recordSignInFailure(ctx.deps.db, key, ctx.deps.clock.now());
        if (user) await recordSecurityEvent(ctx, user.id, "sign_in_failed");
        throw new UnauthorizedError(INCORRECT, "WRONG_CREDENTIALS");
      }
      await recordSignInSuccess(ctx.deps.db, key);
      if (user.emailVerifiedAt === null) {
        // The right password on an address never proved (an account from before verification):
        // the address is proved first, by a code that keeps this password with it.
        await sendSignUpCode(ctx, input.email, { name: user.name, passwordHash: user.passwordHash });
        return { status: "verify_email" as const, email: input.email };
      }
      return afterFirstFactor(ctx, user);
    }),

  signOut: procedure("auth.signOut").mutation(async ({ ctx }) => {
    for (const session of [ctx.session, ctx.pendingSession]) if (session) await invalidateSession(ctx.deps.db, session);
    if (ctx.session) await recordSecurityEvent(ctx, ctx.session.userId, "sign_out");
    ctx.responseHeaders.append("Set-Cookie", serializeBlankSessionCookie(ctx.deps.publicUrl));
    return { signedOut: true };
  }),

  me: procedure("auth.me").query(async ({ ctx }) => {
    const session = ctx.session;
    if (!session) return null;
    return withIdentity(ctx.deps.db, { userId: session.userId, sessionId: session.id }, async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, session.userId));
      // Read the active clinic from the row: an earlier call of this request may have changed it.
      const [current] = await tx.select({ activeClinicId: sessions.activeClinicId }).from(sessions).where(eq(sessions.id, session.id));
      const rows = await tx
        .select({ clinicId: clinics.id, clinicName: clinics.name, clinicSlug: clinics.slug, timezone: clinics.timezone, role: memberships.role })
        .from(memberships)
        .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
        .where(eq(memberships.userId, session.userId))
        .orderBy(clinics.name);
      return { user: publicUser(user!), memberships: rows, activeClinicId: current?.activeClinicId ?? null };
    });
  }),

  requestCode: procedure("auth.requestCode")
    .input(requestCodeInput)
    .mutation(async ({ ctx, input }) => {
      await throttle(ctx, input.email);
      if (!(await codesLeft(ctx, input.email))) {
        ctx.responseHeaders.set("Retry-After", "3600");
        throw new RateLimitedError("Too many codes were sent to this address. Try again in an hour.");
      }
      const code = await issueLoginCode(ctx.deps.db, input.email, ctx.deps.clock.now());
      await ctx.deps.mailer.send(loginCodeMail(input.email, code, input.language));
      // The same answer whether or not an account exists.
      return { sent: true };
    }),

  /** Code sign-in: proves the address (creating a passwordless account the first time). */
  verifyCode: procedure("auth.verifyCode")
    .input(verifyCodeInput)
    .mutation(async ({ ctx, input }) => {
      await throttle(ctx, input.email);
      const now = ctx.deps.clock.now();
      const outcome = await verifyLoginCode(ctx.deps.db, input.email, input.code, now);
      if (outcome !== "ok") {
        await recordSignInFailure(ctx.deps.db, { email: input.email, ip: ctx.ip }, now);
        throw new UnauthorizedError(codeRefusal(outcome), "WRONG_CREDENTIALS");
      }
      const existing = await findUserByEmail(ctx, input.email);
      const user = existing
        ? await proveAddress(ctx, existing, null)
        : await withIdentity(ctx.deps.db, {}, async (tx) => {
            const [created] = await tx.insert(users).values({ email: input.email, name: input.email.split("@")[0]!, emailVerifiedAt: now }).returning();
            return created!;
          });
      await recordSignInSuccess(ctx.deps.db, { email: input.email, ip: ctx.ip });
      return afterFirstFactor(ctx, user);
    }),

  switchClinic: procedure("auth.switchClinic")
    .input(switchClinicInput)
    .mutation(async ({ ctx, input }) => {
      const [membership] = await withIdentity(ctx.deps.db, { userId: ctx.session.userId }, (tx) =>
        tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.userId, ctx.session.userId), eq(memberships.clinicId, input.clinicId))),
      );
      if (!membership) throw new ForbiddenError("You are not a member of this clinic", "NOT_A_MEMBER");
      await setActiveClinic(ctx.deps.db, ctx.session, input.clinicId);
      return { activeClinicId: input.clinicId, role: membership.role };
    }),

  changePassword: procedure("auth.changePassword")
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const { db, hasher, clock } = ctx.deps;
      const userId = ctx.session.userId;
      const user = await findUserById(ctx, userId);
      if (!user.passwordHash || !(await hasher.verify(user.passwordHash, input.currentPassword))) {
        throw new RuleError("The current password is not right", "WRONG_PASSWORD");
      }
      const problem = passwordProblem(input.newPassword, user.email);
      if (problem) throw new RuleError(problem, "WEAK_PASSWORD");
      const passwordHash = await hasher.hash(input.newPassword);
      await withIdentity(db, { userId }, (tx) => tx.update(users).set({ passwordHash, updatedAt: clock.now() }).where(eq(users.id, userId)));
      // Whoever else knew the old password is signed out everywhere.
      const ended = await invalidateUserSessions(db, userId, { exceptSessionId: ctx.session.id });
      await recordSecurityEvent(ctx, userId, "password_changed");
      return { endedOtherSessions: ended };
    }),

  ...passwordRouter,

  /** The account's recent security events, newest first ("recent activity"). */
  activity: procedure("auth.activity").query(async ({ ctx }) => {
    const userId = ctx.session.userId;
    const rows = await withIdentity(ctx.deps.db, { userId }, (tx) =>
      tx
        .select({ id: securityEvents.id, kind: securityEvents.kind, ip: securityEvents.ip, userAgent: securityEvents.userAgent, at: securityEvents.at })
        .from(securityEvents)
        .where(eq(securityEvents.userId, userId))
        .orderBy(desc(securityEvents.id))
        .limit(ACTIVITY_SHOWN),
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }),

  sessions: {
    list: procedure("auth.sessions.list").query(async ({ ctx }) => {
      const sessions = await listUserSessions(ctx.deps.db, ctx.session.userId, ctx.deps.clock.now());
      return sessions.map((s) => ({
        id: s.id,
        current: s.id === ctx.session.id,
        userAgent: s.userAgent,
        ip: s.ip,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
      }));
    }),
    revoke: procedure("auth.sessions.revoke")
      .input(revokeSessionInput)
      .mutation(async ({ ctx, input }) => {
        const own = await listUserSessions(ctx.deps.db, ctx.session.userId, ctx.deps.clock.now());
        const target = own.find((s) => s.id === input.sessionId);
        if (!target) throw new NotFoundError("Session");
        await invalidateSession(ctx.deps.db, target);
        await recordSecurityEvent(ctx, ctx.session.userId, "session_revoked");
        if (target.id === ctx.session.id) ctx.responseHeaders.append("Set-Cookie", serializeBlankSessionCookie(ctx.deps.publicUrl));
        return { revoked: true };
      }),
  },

  mfa: mfaRouter,
} satisfies TRPCRouterRecord;
