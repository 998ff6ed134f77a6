// Passwordless sign-in: a 6-digit code sent by e-mail. Six digits are guessable only because each
// code allows 5 attempts and lives 10 minutes: 5 in a million per code issued.
import type { Database } from "@frontdesk/db";
import { withIdentity } from "@frontdesk/db";
import { loginCodes } from "@frontdesk/db/schema";
import { and, count, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { constantTimeStringEqual, normalizeEmail, sha256Hex } from "./crypto";

export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const LOGIN_CODE_MAX_ATTEMPTS = 5;

export type LoginCodeResult = "ok" | "invalid" | "expired" | "too_many_attempts";

const CODE_FORMAT = /^\d{6}$/;

/** A uniform 000000–999999: rejection sampling, because 2^32 is not a multiple of a million. */
export function generateLoginCode(): string {
  const range = 1_000_000;
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0]! < limit) return String(word[0]! % range).padStart(6, "0");
  }
}

// The row id salts the hash, so equal codes for different requests have different hashes.
const hashCode = (id: string, code: string) => sha256Hex(`${id}:${code}`);

const emailColumn = sql`lower(${loginCodes.email})`;

/** What a code is for: signing in, or proving the address of a new password account (ADR 0016). */
export type LoginCodePurpose = "sign_in" | "sign_up";

/** A sign-up code carries the account to create once the address is proved. */
export interface PendingAccount {
  name: string;
  passwordHash: string;
}

/**
 * Issues a code for the e-mail (whether or not an account exists) and returns it for the e-mail
 * message. Older unused codes stop working, whatever their purpose.
 */
export async function issueLoginCode(
  db: Database,
  email: string,
  now: Date,
  options: { purpose?: LoginCodePurpose; pending?: PendingAccount } = {},
): Promise<string> {
  const address = normalizeEmail(email);
  const code = generateLoginCode();
  const id = crypto.randomUUID();
  await withIdentity(db, {}, async (tx) => {
    // Superseded codes are marked used, so one visitor never has two live codes (and ten guesses).
    await tx
      .update(loginCodes)
      .set({ consumedAt: now })
      .where(and(eq(emailColumn, address), isNull(loginCodes.consumedAt)));
    await tx.insert(loginCodes).values({
      id,
      email: address,
      codeHash: hashCode(id, code),
      expiresAt: new Date(now.getTime() + LOGIN_CODE_TTL_MS),
      createdAt: now,
      purpose: options.purpose ?? "sign_in",
      pendingName: options.pending?.name ?? null,
      pendingPasswordHash: options.pending?.passwordHash ?? null,
    });
  });
  return code;
}

/** The outcome of a code check; a sign-up code that matched also gives the account it carries. */
export type LoginCodeCheck = { result: "ok"; pending: PendingAccount | null } | { result: Exclude<LoginCodeResult, "ok"> };

/**
 * Checks a code typed for an e-mail, for one purpose. Every attempt counts, right or wrong; "ok"
 * uses the code up. A code issued for the other purpose is "invalid": a sign-up code typed into
 * the sign-in form must not create the account (with a password someone else chose) it carries.
 * The row is locked for the check, so concurrent guesses cannot exceed the attempt limit.
 */
export async function checkLoginCode(db: Database, email: string, code: string, now: Date, purpose: LoginCodePurpose): Promise<LoginCodeCheck> {
  const address = normalizeEmail(email);
  const typed = code.replace(/\s+/g, "");
  return withIdentity(db, {}, async (tx) => {
    const [latest] = await tx
      .select()
      .from(loginCodes)
      .where(and(eq(emailColumn, address), isNull(loginCodes.consumedAt)))
      .orderBy(desc(loginCodes.createdAt), desc(loginCodes.id))
      .limit(1)
      .for("update");
    if (!latest) return { result: "invalid" };
    if (now.getTime() >= latest.expiresAt.getTime()) return { result: "expired" };
    if (latest.attempts >= LOGIN_CODE_MAX_ATTEMPTS) return { result: "too_many_attempts" };

    const [counted] = await tx
      .update(loginCodes)
      .set({ attempts: sql`${loginCodes.attempts} + 1` })
      .where(and(eq(loginCodes.id, latest.id), lt(loginCodes.attempts, LOGIN_CODE_MAX_ATTEMPTS), isNull(loginCodes.consumedAt)))
      .returning({ attempts: loginCodes.attempts });
    if (!counted) return { result: "too_many_attempts" };

    const matches = CODE_FORMAT.test(typed) && constantTimeStringEqual(hashCode(latest.id, typed), latest.codeHash);
    if (!matches || latest.purpose !== purpose) return { result: "invalid" };
    await tx.update(loginCodes).set({ consumedAt: now }).where(eq(loginCodes.id, latest.id));
    const pending =
      latest.pendingName !== null && latest.pendingPasswordHash !== null ? { name: latest.pendingName, passwordHash: latest.pendingPasswordHash } : null;
    return { result: "ok", pending };
  });
}

/** Checks a sign-in code (see checkLoginCode). */
export async function verifyLoginCode(db: Database, email: string, code: string, now: Date): Promise<LoginCodeResult> {
  return (await checkLoginCode(db, email, code, now, "sign_in")).result;
}

/** How many codes were issued for the e-mail since `since`: lets the caller limit how often codes are sent. */
export async function countLoginCodesIssuedSince(db: Database, email: string, since: Date): Promise<number> {
  const [row] = await withIdentity(db, {}, (tx) =>
    tx
      .select({ issued: count() })
      .from(loginCodes)
      .where(and(eq(emailColumn, normalizeEmail(email)), gte(loginCodes.createdAt, since))),
  );
  return row?.issued ?? 0;
}
