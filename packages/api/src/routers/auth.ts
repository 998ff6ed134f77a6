import {
  checkSignInAllowed,
  countLoginCodesIssuedSince,
  createSession,
  invalidateSession,
  invalidateUserSessions,
  issueLoginCode,
  listUserSessions,
  passwordProblem,
  recordSignInFailure,
  recordSignInSuccess,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  setActiveClinic,
  verifyLoginCode,
  type PasswordHasher,
} from "@frontdesk/auth";
import { withIdentity } from "@frontdesk/db";
import { clinics, memberships, sessions, users } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, desc, eq, sql } from "drizzle-orm";
import { changePasswordInput, requestCodeInput, revokeSessionInput, signInInput, signUpInput as signUpFields, switchClinicInput, verifyCodeInput } from "@frontdesk/domain";
import type { Context } from "../context";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, RuleError, UnauthorizedError } from "../errors";
import { loginCodeMail } from "../mail";
import { procedure } from "../trpc";

const INCORRECT = "E-mail or password is incorrect";
const CODES_PER_HOUR = 5;

/** Refuses password sign-ins early when throttled, with Retry-After, the same for every e-mail. */
async function throttle(ctx: Context, typedEmail: string): Promise<void> {
  const gate = await checkSignInAllowed(ctx.deps.db, { email: typedEmail, ip: ctx.ip }, ctx.deps.clock.now());
  if (gate.allowed) return;
  ctx.responseHeaders.set("Retry-After", String(gate.retryAfterSeconds));
  const minutes = Math.max(1, Math.ceil(gate.retryAfterSeconds / 60));
  throw new RateLimitedError(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

// Verifying against a real hash when the account does not exist keeps the answer's timing the same.
const decoyHashes = new WeakMap<PasswordHasher, Promise<string>>();
function decoyHash(hasher: PasswordHasher): Promise<string> {
  const known = decoyHashes.get(hasher);
  if (known) return known;
  const hash = hasher.hash("decoy password that matches nothing");
  decoyHashes.set(hasher, hash);
  return hash;
}

async function findUserByEmail(ctx: Context, address: string) {
  const [user] = await withIdentity(ctx.deps.db, {}, (tx) =>
    tx.select().from(users).where(eq(sql`lower(${users.email})`, address)),
  );
  return user;
}

/** Opens a session in the user's most recent clinic and sends its cookie. */
async function startSession(ctx: Context, userId: string) {
  const [latest] = await withIdentity(ctx.deps.db, { userId }, (tx) =>
    tx.select({ clinicId: memberships.clinicId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(desc(memberships.createdAt)).limit(1),
  );
  const now = ctx.deps.clock.now();
  const { token, session } = await createSession(
    ctx.deps.db,
    { userId, activeClinicId: latest?.clinicId ?? null, userAgent: ctx.userAgent, ip: ctx.ip },
    now,
    ctx.deps.sessions,
  );
  ctx.responseHeaders.append("Set-Cookie", serializeSessionCookie(token, { publicUrl: ctx.deps.publicUrl, expiresAt: session.expiresAt, now }));
  return session;
}

const publicUser = (user: { id: string; name: string; email: string }) => ({ id: user.id, name: user.name, email: user.email });

const signUpInput = signUpFields.superRefine((value, issue) => {
  const problem = passwordProblem(value.password, value.email);
  if (problem) issue.addIssue({ code: "custom", path: ["password"], message: problem });
});

export const authRouter = {
  signUp: procedure("auth.signUp")
    .input(signUpInput)
    .mutation(async ({ ctx, input }) => {
      if (await findUserByEmail(ctx, input.email)) {
        throw new ConflictError("An account with this e-mail already exists. Sign in instead.", { reason: "EMAIL_TAKEN" });
      }
      const passwordHash = await ctx.deps.hasher.hash(input.password);
      const [user] = await withIdentity(ctx.deps.db, {}, (tx) =>
        tx.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning(),
      );
      await startSession(ctx, user!.id);
      return { user: publicUser(user!) };
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
      if (!user || !matches) {
        await recordSignInFailure(ctx.deps.db, key, ctx.deps.clock.now());
        throw new UnauthorizedError(INCORRECT, "WRONG_CREDENTIALS");
      }
      await recordSignInSuccess(ctx.deps.db, key);
      await startSession(ctx, user.id);
      return { user: publicUser(user) };
    }),

  signOut: procedure("auth.signOut").mutation(async ({ ctx }) => {
    if (ctx.session) await invalidateSession(ctx.deps.db, ctx.session);
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
      // Each code is a 5-in-a-million guess window: cap how many an address can be sent.
      const now = ctx.deps.clock.now();
      const recent = await countLoginCodesIssuedSince(ctx.deps.db, input.email, new Date(now.getTime() - 60 * 60_000));
      if (recent >= CODES_PER_HOUR) {
        ctx.responseHeaders.set("Retry-After", "3600");
        throw new RateLimitedError("Too many codes were sent to this address. Try again in an hour.");
      }
      const code = await issueLoginCode(ctx.deps.db, input.email, now);
      await ctx.deps.mailer.send(loginCodeMail(input.email, code));
      // The same answer whether or not an account exists.
      return { sent: true };
    }),

  verifyCode: procedure("auth.verifyCode")
    .input(verifyCodeInput)
    .mutation(async ({ ctx, input }) => {
      await throttle(ctx, input.email);
      const now = ctx.deps.clock.now();
      const outcome = await verifyLoginCode(ctx.deps.db, input.email, input.code, now);
      if (outcome !== "ok") {
        await recordSignInFailure(ctx.deps.db, { email: input.email, ip: ctx.ip }, now);
        const message =
          outcome === "expired" || outcome === "too_many_attempts" ? "That code is no longer valid. Ask for a new one." : "That code is not right";
        throw new UnauthorizedError(message, "WRONG_CREDENTIALS");
      }
      // A first code sign-in creates a passwordless account (patients).
      const existing = await findUserByEmail(ctx, input.email);
      const userId =
        existing?.id ??
        (await withIdentity(ctx.deps.db, {}, async (tx) => {
          const [created] = await tx.insert(users).values({ email: input.email, name: input.email.split("@")[0]! }).returning({ id: users.id });
          return created!.id;
        }));
      await withIdentity(ctx.deps.db, { userId }, (tx) =>
        tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(and(eq(users.id, userId), sql`${users.emailVerifiedAt} is null`)),
      );
      await recordSignInSuccess(ctx.deps.db, { email: input.email, ip: ctx.ip });
      const user = await findUserByEmail(ctx, input.email);
      await startSession(ctx, userId);
      return { user: publicUser(user!) };
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
      const [user] = await withIdentity(db, { userId }, (tx) => tx.select().from(users).where(eq(users.id, userId)));
      if (!user?.passwordHash || !(await hasher.verify(user.passwordHash, input.currentPassword))) {
        throw new RuleError("The current password is not right", "WRONG_PASSWORD");
      }
      const problem = passwordProblem(input.newPassword, user.email);
      if (problem) throw new RuleError(problem, "WEAK_PASSWORD");
      const passwordHash = await hasher.hash(input.newPassword);
      await withIdentity(db, { userId }, (tx) => tx.update(users).set({ passwordHash, updatedAt: clock.now() }).where(eq(users.id, userId)));
      // Whoever else knew the old password is signed out everywhere.
      const ended = await invalidateUserSessions(db, userId, { exceptSessionId: ctx.session.id });
      return { endedOtherSessions: ended };
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
        if (target.id === ctx.session.id) ctx.responseHeaders.append("Set-Cookie", serializeBlankSessionCookie(ctx.deps.publicUrl));
        return { revoked: true };
      }),
  },
} satisfies TRPCRouterRecord;
