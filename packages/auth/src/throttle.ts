// Sign-in throttling in Postgres (auth_throttle), so every server process shares the counts.
// Keys are the e-mail as typed (normalized) and the client IP: the answer never depends on whether
// an account exists, so throttling cannot be used to discover e-mail addresses.
import type { Database } from "@frontdesk/db";
import { withIdentity } from "@frontdesk/db";
import { authThrottle } from "@frontdesk/db/schema";
import { eq, inArray, sql } from "drizzle-orm";
import { normalizeEmail, sha256Hex } from "./crypto";

/** Failures allowed before any delay, per account. */
export const THROTTLE_FREE_FAILURES = 4;
/**
 * Per IP address the allowance is larger: a clinic's front desk shares one address among several
 * people who all mistype now and then, while a password-spraying script still meets the delay.
 */
export const THROTTLE_FREE_FAILURES_PER_IP = 20;
export const THROTTLE_BASE_DELAY_SECONDS = 30;
export const THROTTLE_MAX_DELAY_SECONDS = 15 * 60;
/** A key with no failure for this long starts counting from zero again. */
export const THROTTLE_RESET_AFTER_MS = 24 * 60 * 60_000;

export interface ThrottleKey {
  email: string;
  ip: string | null;
}

// Longer keys (no real e-mail or IP is this long) are hashed so that a 10 kB "e-mail" cannot make
// the primary-key insert fail.
const MAX_KEY_VALUE_LENGTH = 320;
const keyFor = (kind: "account" | "ip", value: string) =>
  value.length > MAX_KEY_VALUE_LENGTH ? `${kind}:sha256:${sha256Hex(value)}` : `${kind}:${value}`;

export const accountThrottleKey = (email: string) => keyFor("account", normalizeEmail(email));
export const ipThrottleKey = (ip: string) => keyFor("ip", ip.trim().toLowerCase());

function keysOf(key: ThrottleKey): Array<{ key: string; free: number }> {
  const keys = [{ key: accountThrottleKey(key.email), free: THROTTLE_FREE_FAILURES }];
  if (key.ip !== null && key.ip.trim() !== "") keys.push({ key: ipThrottleKey(key.ip), free: THROTTLE_FREE_FAILURES_PER_IP });
  return keys;
}

/** Seconds a key is blocked after its `failures`-th failure: 0 for the first `free`, then 30 s doubling up to 15 min. */
export function throttleDelaySeconds(failures: number, free = THROTTLE_FREE_FAILURES): number {
  if (failures <= free) return 0;
  const doublings = Math.min(failures - free - 1, 30);
  return Math.min(THROTTLE_BASE_DELAY_SECONDS * 2 ** doublings, THROTTLE_MAX_DELAY_SECONDS);
}

/** Whether a sign-in may be tried now; when not, how long until it may (the longer of account and IP). */
export async function checkSignInAllowed(
  db: Database,
  key: ThrottleKey,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const rows = await withIdentity(db, {}, (tx) =>
    tx.select({ blockedUntil: authThrottle.blockedUntil }).from(authThrottle).where(inArray(authThrottle.key, keysOf(key).map((k) => k.key))),
  );
  const blockedUntil = Math.max(0, ...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
  if (blockedUntil <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((blockedUntil - now.getTime()) / 1000) };
}

/** Counts a failed sign-in against the account and the IP. One atomic upsert per key: concurrent failures all count. */
export async function recordSignInFailure(db: Database, key: ThrottleKey, now: Date): Promise<void> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - THROTTLE_RESET_AFTER_MS).toISOString();
  // The new count, computed from the row as locked by the upsert (a stale row starts again at 1).
  const failures = sql`(case when ${authThrottle.updatedAt} < ${stale}::timestamptz then 1 else ${authThrottle.failures} + 1 end)`;
  await withIdentity(db, {}, async (tx) => {
    for (const { key: throttleKey, free } of keysOf(key)) {
      await tx
        .insert(authThrottle)
        .values({ key: throttleKey, failures: 1, blockedUntil: null, updatedAt: now })
        .onConflictDoUpdate({
          target: authThrottle.key,
          set: {
            failures,
            // Mirrors throttleDelaySeconds: 30 s * 2^(failures - free - 1), at most 15 min, none before.
            blockedUntil: sql`case when ${failures} > ${free}::int
              then ${at}::timestamptz + make_interval(secs => least(
                ${THROTTLE_BASE_DELAY_SECONDS}::float8 * power(2::float8, least(${failures} - ${free + 1}::int, 30)),
                ${THROTTLE_MAX_DELAY_SECONDS}::float8))
              else null end`,
            updatedAt: sql`${at}::timestamptz`,
          },
        });
    }
  });
}

/** Clears the account's count after a successful sign-in. The IP's count stays: one address may serve many users, including an attacker. */
export async function recordSignInSuccess(db: Database, key: ThrottleKey): Promise<void> {
  await withIdentity(db, {}, (tx) => tx.delete(authThrottle).where(eq(authThrottle.key, accountThrottleKey(key.email))));
}
