// What the sign-in procedures share: throttling, finding an account, and opening a session, with
// or without the second factor still to give (ADR 0016, 0017).
import {
  checkSignInAllowed,
  createSession,
  invalidateSession,
  isRememberedDevice,
  serializeSessionCookie,
  type PasswordHasher,
} from "@frontdesk/auth";
import { withIdentity } from "@frontdesk/db";
import { memberships, users } from "@frontdesk/db/schema";
import { desc, eq, sql } from "drizzle-orm";
import type { Context } from "../context";
import { RateLimitedError } from "../errors";
import { recordSecurityEvent } from "../security-events";

export const INCORRECT = "E-mail or password is incorrect";
/** Each code is a 5-in-a-million guess window: cap how many an address can be sent. */
export const CODES_PER_HOUR = 5;

export type UserRow = typeof users.$inferSelect;

/** Refuses an attempt early when throttled, with Retry-After, the same for every e-mail. */
export async function throttle(ctx: Context, typedEmail: string): Promise<void> {
  const gate = await checkSignInAllowed(ctx.deps.db, { email: typedEmail, ip: ctx.ip }, ctx.deps.clock.now());
  if (gate.allowed) return;
  ctx.responseHeaders.set("Retry-After", String(gate.retryAfterSeconds));
  const minutes = Math.max(1, Math.ceil(gate.retryAfterSeconds / 60));
  throw new RateLimitedError(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

// Verifying against a real hash when the account does not exist keeps the answer's timing the same.
const decoyHashes = new WeakMap<PasswordHasher, Promise<string>>();
export function decoyHash(hasher: PasswordHasher): Promise<string> {
  const known = decoyHashes.get(hasher);
  if (known) return known;
  const hash = hasher.hash("decoy password that matches nothing");
  decoyHashes.set(hasher, hash);
  return hash;
}

export async function findUserByEmail(ctx: Context, address: string): Promise<UserRow | undefined> {
  const [user] = await withIdentity(ctx.deps.db, {}, (tx) => tx.select().from(users).where(eq(sql`lower(${users.email})`, address.toLowerCase())));
  return user;
}

export async function findUserById(ctx: Context, userId: string): Promise<UserRow> {
  const [user] = await withIdentity(ctx.deps.db, { userId }, (tx) => tx.select().from(users).where(eq(users.id, userId)));
  return user!;
}

export const publicUser = (user: { id: string; name: string; email: string }) => ({ id: user.id, name: user.name, email: user.email });

/**
 * Opens a session in the user's most recent clinic and sends its cookie. The session this browser
 * came with (another account's, or a half-finished sign-in) ends: one browser, one session.
 */
async function startSession(ctx: Context, userId: string, options: { secondFactorPending: boolean }) {
  for (const previous of [ctx.session, ctx.pendingSession]) if (previous) await invalidateSession(ctx.deps.db, previous);
  const [latest] = await withIdentity(ctx.deps.db, { userId }, (tx) =>
    tx.select({ clinicId: memberships.clinicId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(desc(memberships.createdAt)).limit(1),
  );
  const now = ctx.deps.clock.now();
  const { token, session } = await createSession(
    ctx.deps.db,
    { userId, activeClinicId: latest?.clinicId ?? null, userAgent: ctx.userAgent, ip: ctx.ip, secondFactorPending: options.secondFactorPending },
    now,
    ctx.deps.sessions,
  );
  ctx.responseHeaders.append("Set-Cookie", serializeSessionCookie(token, { publicUrl: ctx.deps.publicUrl, expiresAt: session.expiresAt, now }));
  return session;
}

export type SignInOutcome =
  | { status: "signed_in"; user: ReturnType<typeof publicUser> }
  | { status: "mfa_required" }
  | { status: "verify_email"; email: string };

/**
 * The first factor (password or e-mailed code) was right: a full session, or, for an account with
 * MFA on a browser it does not remember, a session that waits for the code from the app.
 */
export async function afterFirstFactor(ctx: Context, user: UserRow): Promise<SignInOutcome> {
  const now = ctx.deps.clock.now();
  if (user.totpKey !== null && !(await isRememberedDevice(ctx.deps.db, user.id, ctx.deviceToken, now))) {
    await startSession(ctx, user.id, { secondFactorPending: true });
    return { status: "mfa_required" };
  }
  await startSession(ctx, user.id, { secondFactorPending: false });
  await recordSecurityEvent(ctx, user.id, "sign_in");
  return { status: "signed_in", user: publicUser(user) };
}
