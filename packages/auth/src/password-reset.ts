// Password reset links: a 160-bit secret in the link, only its SHA-256 hash stored, one use,
// one hour. Redeeming one proves the holder reads the account's mailbox (ADR 0016).
import type { Database } from "@frontdesk/db";
import { withIdentity } from "@frontdesk/db";
import { passwordResets } from "@frontdesk/db/schema";
import { and, count, eq, gt, gte, isNull } from "drizzle-orm";
import { randomBase32, sha256Hex } from "./crypto";

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
const TOKEN_FORMAT = /^[a-z2-7]{32}$/;

/** A new reset token for the user (to e-mail; never stored). Earlier unused links stop working. */
export async function issuePasswordReset(db: Database, userId: string, now: Date): Promise<string> {
  const token = randomBase32(20);
  await withIdentity(db, { userId }, async (tx) => {
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({ userId, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS), createdAt: now });
  });
  return token;
}

/** The live reset a token names (unused, unexpired), or null for anything else, malformed included. */
export async function findPasswordReset(db: Database, token: string, now: Date): Promise<{ id: string; userId: string } | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const [row] = await withIdentity(db, {}, (tx) =>
    tx
      .select({ id: passwordResets.id, userId: passwordResets.userId })
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, sha256Hex(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now))),
  );
  return row ?? null;
}

/** Uses a reset up; false when another request used it first (a conditional update: only one wins). */
export async function consumePasswordReset(db: Database, resetId: string, now: Date): Promise<boolean> {
  const used = await withIdentity(db, {}, (tx) =>
    tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, resetId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ id: passwordResets.id }),
  );
  return used.length === 1;
}

/** How many resets were issued for the user since `since`: lets the caller limit how many are mailed. */
export async function countPasswordResetsSince(db: Database, userId: string, since: Date): Promise<number> {
  const [row] = await withIdentity(db, {}, (tx) =>
    tx.select({ issued: count() }).from(passwordResets).where(and(eq(passwordResets.userId, userId), gte(passwordResets.createdAt, since))),
  );
  return row?.issued ?? 0;
}
