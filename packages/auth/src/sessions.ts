// Sessions, after the Lucia design: the cookie holds "<id>.<secret>", the database holds the id and
// only a SHA-256 hash of the secret, so a leaked sessions table cannot be replayed as cookies.
import type { Database } from "@frontdesk/db";
import { withIdentity } from "@frontdesk/db";
import { sessions } from "@frontdesk/db/schema";
import { and, desc, eq, gt, ne } from "drizzle-orm";
import { constantTimeStringEqual, randomBase32, sha256Hex } from "./crypto";

export interface SessionSettings {
  /** A session unused for this long ends. */
  idleTimeoutMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteTimeoutMs: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleTimeoutMs: 12 * 60 * 60_000,
  absoluteTimeoutMs: 30 * 24 * 60 * 60_000,
};

/** Renew (bump lastSeenAt and expiresAt) at most this often: one write per hour per session, not per request. */
export const SESSION_RENEWAL_INTERVAL_MS = 60 * 60_000;

export interface SessionRecord {
  id: string;
  userId: string;
  activeClinicId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  /** The password (or code) was right, the second factor not yet given: the session opens nothing else. */
  secondFactorPending: boolean;
}

// 20 random bytes in lower-case base32: 160 bits, 32 characters, for each half of the token.
const TOKEN_PART_BYTES = 20;
const TOKEN_FORMAT = /^([a-z2-7]{32})\.([a-z2-7]{32})$/;
// Request headers are attacker-chosen: store a bounded amount of them.
const MAX_USER_AGENT_LENGTH = 512;
const MAX_IP_LENGTH = 64;

function checkSettings(settings: SessionSettings): void {
  const { idleTimeoutMs, absoluteTimeoutMs } = settings;
  if (!Number.isSafeInteger(idleTimeoutMs) || idleTimeoutMs <= 0) {
    throw new RangeError("idleTimeoutMs must be a positive whole number of milliseconds");
  }
  if (!Number.isSafeInteger(absoluteTimeoutMs) || absoluteTimeoutMs <= 0) {
    throw new RangeError("absoluteTimeoutMs must be a positive whole number of milliseconds");
  }
}

function expiryFor(createdAt: Date, lastSeenAt: Date, settings: SessionSettings): Date {
  return new Date(Math.min(lastSeenAt.getTime() + settings.idleTimeoutMs, createdAt.getTime() + settings.absoluteTimeoutMs));
}

/** Renewal interval: one hour, or half the idle timeout when that is shorter, so short idle timeouts still renew. */
function renewalIntervalMs(settings: SessionSettings): number {
  return Math.min(SESSION_RENEWAL_INTERVAL_MS, Math.floor(settings.idleTimeoutMs / 2));
}

const toRecord = (row: typeof sessions.$inferSelect): SessionRecord => ({
  id: row.id,
  userId: row.userId,
  activeClinicId: row.activeClinicId,
  createdAt: row.createdAt,
  lastSeenAt: row.lastSeenAt,
  expiresAt: row.expiresAt,
  userAgent: row.userAgent,
  ip: row.ip,
  secondFactorPending: row.secondFactorPending,
});

const truncate = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

/** Signs a user in: returns the token for the cookie (shown once, never stored) and the session. */
export async function createSession(
  db: Database,
  input: { userId: string; activeClinicId: string | null; userAgent: string | null; ip: string | null; secondFactorPending?: boolean },
  now: Date,
  settings: SessionSettings,
): Promise<{ token: string; session: SessionRecord }> {
  checkSettings(settings);
  const id = randomBase32(TOKEN_PART_BYTES);
  const secret = randomBase32(TOKEN_PART_BYTES);
  const [row] = await withIdentity(db, { userId: input.userId }, (tx) =>
    tx
      .insert(sessions)
      .values({
        id,
        secretHash: sha256Hex(secret),
        userId: input.userId,
        activeClinicId: input.activeClinicId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: expiryFor(now, now, settings),
        userAgent: truncate(input.userAgent, MAX_USER_AGENT_LENGTH),
        ip: truncate(input.ip, MAX_IP_LENGTH),
        secondFactorPending: input.secondFactorPending ?? false,
      })
      .returning(),
  );
  return { token: `${id}.${secret}`, session: toRecord(row!) };
}

/**
 * The session a cookie names, or null when the token is malformed, unknown, carries the wrong secret
 * or has expired (an expired session is deleted). Renews the session when it was last seen over an
 * hour ago; `renewed: true` tells the caller to send the cookie again with the new expiry.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  now: Date,
  settings: SessionSettings,
): Promise<{ session: SessionRecord; renewed: boolean } | null> {
  checkSettings(settings);
  const match = TOKEN_FORMAT.exec(token);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];

  // The sessions policy shows this transaction only the row whose id the cookie names.
  const [row] = await withIdentity(db, { sessionId: id }, (tx) => tx.select().from(sessions).where(eq(sessions.id, id)));
  if (!row) return null;
  if (!constantTimeStringEqual(sha256Hex(secret), row.secretHash)) return null;

  // Enforce the current settings too, so shortening a timeout also ends sessions issued before.
  const expiresAt = Math.min(row.expiresAt.getTime(), expiryFor(row.createdAt, row.lastSeenAt, settings).getTime());
  if (now.getTime() >= expiresAt) {
    await invalidateSession(db, row);
    return null;
  }

  const session = toRecord(row);
  if (now.getTime() - row.lastSeenAt.getTime() < renewalIntervalMs(settings)) {
    return { session, renewed: false };
  }
  const renewal = { lastSeenAt: now, expiresAt: expiryFor(row.createdAt, now, settings) };
  // Updates must satisfy user_id = app.user_id, hence the user in scope as well as the session.
  await withIdentity(db, { userId: row.userId, sessionId: row.id }, (tx) =>
    tx.update(sessions).set(renewal).where(and(eq(sessions.id, row.id), eq(sessions.userId, row.userId))),
  );
  return { session: { ...session, ...renewal }, renewed: true };
}

/** Signs one session out. */
export async function invalidateSession(db: Database, session: Pick<SessionRecord, "id" | "userId">): Promise<void> {
  await withIdentity(db, { userId: session.userId, sessionId: session.id }, (tx) =>
    tx.delete(sessions).where(and(eq(sessions.id, session.id), eq(sessions.userId, session.userId))),
  );
}

/** Ends every session of a user (sign out everywhere, after a password change), optionally but one. Returns how many ended. */
export async function invalidateUserSessions(
  db: Database,
  userId: string,
  options: { exceptSessionId?: string } = {},
): Promise<number> {
  const ended = await withIdentity(db, { userId }, (tx) =>
    tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          options.exceptSessionId === undefined ? undefined : ne(sessions.id, options.exceptSessionId),
        ),
      )
      .returning({ id: sessions.id }),
  );
  return ended.length;
}

/** A user's unexpired sessions (devices), newest first. */
export async function listUserSessions(db: Database, userId: string, now: Date): Promise<SessionRecord[]> {
  const rows = await withIdentity(db, { userId }, (tx) =>
    tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.createdAt), desc(sessions.id)),
  );
  return rows.map(toRecord);
}

/**
 * Records the clinic the session works in. The caller checks the membership first (DESIGN 4.4);
 * every staff request checks it again before opening the tenant scope.
 */
export async function setActiveClinic(
  db: Database,
  session: Pick<SessionRecord, "id" | "userId">,
  clinicId: string | null,
): Promise<void> {
  await withIdentity(db, { userId: session.userId, sessionId: session.id }, (tx) =>
    tx
      .update(sessions)
      .set({ activeClinicId: clinicId })
      .where(and(eq(sessions.id, session.id), eq(sessions.userId, session.userId))),
  );
}

/** The second factor was given: the session becomes a full one. False if it no longer exists. */
export async function completeSecondFactor(db: Database, session: Pick<SessionRecord, "id" | "userId">): Promise<boolean> {
  const updated = await withIdentity(db, { userId: session.userId, sessionId: session.id }, (tx) =>
    tx
      .update(sessions)
      .set({ secondFactorPending: false })
      .where(and(eq(sessions.id, session.id), eq(sessions.userId, session.userId)))
      .returning({ id: sessions.id }),
  );
  return updated.length === 1;
}

/**
 * Whether a session validated earlier still stands (not signed out, revoked or expired), without
 * renewing it: for long-lived requests such as the live calendar feed, which re-check as they run.
 */
export async function isSessionCurrent(db: Database, session: Pick<SessionRecord, "id" | "userId">, now: Date, settings: SessionSettings): Promise<boolean> {
  const [row] = await withIdentity(db, { userId: session.userId, sessionId: session.id }, (tx) =>
    tx.select().from(sessions).where(and(eq(sessions.id, session.id), eq(sessions.userId, session.userId))),
  );
  if (!row || row.secondFactorPending) return false;
  const expiresAt = Math.min(row.expiresAt.getTime(), expiryFor(row.createdAt, row.lastSeenAt, settings).getTime());
  return now.getTime() < expiresAt;
}
