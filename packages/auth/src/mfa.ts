// The second factor: TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) through @oslojs/otp,
// recovery codes, and remembered devices. The clock is the caller's, like everywhere in this
// package: HOTP over the time step computed from `now` is TOTP (RFC 6238 section 4).
import type { Database } from "@frontdesk/db";
import { withIdentity } from "@frontdesk/db";
import { mfaRecoveryCodes, rememberedDevices } from "@frontdesk/db/schema";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { and, count, eq, gt, isNull, lt } from "drizzle-orm";
import { constantTimeStringEqual, randomBase32, sha256Hex } from "./crypto";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that still count: phones' clocks drift. */
const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
export const REMEMBERED_DEVICE_TTL_MS = 30 * 24 * 60 * 60_000;

/** A new 160-bit TOTP key (RFC 4226 recommends 160), as base32 for storage and manual entry. */
export function generateTotpKey(): string {
  return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export function totpKeyUri(issuer: string, accountName: string, key: string): string {
  return createTOTPKeyURI(issuer, accountName, decodeBase32IgnorePadding(key), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/**
 * The time step a typed code matches, or null. Steps at or before `lastStep` are refused, so a
 * code seen over someone's shoulder cannot be used again (RFC 6238 section 5.2).
 */
export function matchTotp(key: string, typed: string, now: Date, lastStep: number | null): number | null {
  const code = typed.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const bytes = decodeBase32IgnorePadding(key);
  const current = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
  let matched: number | null = null;
  // Every step of the window is computed, so the time taken does not tell which one matched.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const fits = constantTimeStringEqual(generateHOTP(bytes, BigInt(step), TOTP_DIGITS), code);
    if (fits && (lastStep === null || step > lastStep) && matched === null) matched = step;
  }
  return matched;
}

/** The code an authenticator shows at `now` (tests, and nothing else, need it). */
export function totpAt(key: string, now: Date): string {
  return generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS)), TOTP_DIGITS);
}

// Recovery codes: 10 base32 characters (50 bits) shown as "xxxxx-xxxxx". High entropy and one
// use each, so a plain SHA-256 is enough (no password-style hashing).
const RECOVERY_FORMAT = /^[a-z2-7]{10}$/;
const normalizeRecoveryCode = (typed: string) => typed.toLowerCase().replace(/[\s-]+/g, "");

/** Replaces the user's recovery codes with new ones, returned once for the user to keep. */
export async function replaceRecoveryCodes(db: Database, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomBase32(7).slice(0, 10));
  await withIdentity(db, { userId }, async (tx) => {
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    await tx.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: sha256Hex(code), createdAt: now })));
  });
  return codes.map((code) => `${code.slice(0, 5)}-${code.slice(5)}`);
}

/** Uses up one recovery code; false for a wrong, used or malformed one. Only one of two concurrent uses wins. */
export async function useRecoveryCode(db: Database, userId: string, typed: string, now: Date): Promise<boolean> {
  const code = normalizeRecoveryCode(typed);
  if (!RECOVERY_FORMAT.test(code)) return false;
  const used = await withIdentity(db, { userId }, (tx) =>
    tx
      .update(mfaRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, sha256Hex(code)), isNull(mfaRecoveryCodes.usedAt)))
      .returning({ id: mfaRecoveryCodes.id }),
  );
  return used.length === 1;
}

export async function countRecoveryCodesLeft(db: Database, userId: string): Promise<number> {
  const [row] = await withIdentity(db, { userId }, (tx) =>
    tx.select({ left: count() }).from(mfaRecoveryCodes).where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt))),
  );
  return row?.left ?? 0;
}

/** Removes the user's recovery codes and remembered devices (MFA turned off, password reset). */
export async function forgetSecondFactorState(db: Database, userId: string, options: { recoveryCodes: boolean }): Promise<void> {
  await withIdentity(db, { userId }, async (tx) => {
    await tx.delete(rememberedDevices).where(eq(rememberedDevices.userId, userId));
    if (options.recoveryCodes) await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  });
}

const DEVICE_FORMAT = /^[a-z2-7]{32}$/;

/** A token for the device cookie: the second factor is skipped on this browser until it expires. */
export async function rememberDevice(db: Database, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBase32(20);
  const expiresAt = new Date(now.getTime() + REMEMBERED_DEVICE_TTL_MS);
  await withIdentity(db, { userId }, async (tx) => {
    // Expired rows go as new ones come: the table stays the size of the live devices.
    await tx.delete(rememberedDevices).where(and(eq(rememberedDevices.userId, userId), lt(rememberedDevices.expiresAt, now)));
    await tx.insert(rememberedDevices).values({ userId, tokenHash: sha256Hex(token), expiresAt, createdAt: now });
  });
  return { token, expiresAt };
}

/** Whether the device token was remembered for this user and has not expired. */
export async function isRememberedDevice(db: Database, userId: string, token: string | null, now: Date): Promise<boolean> {
  if (token === null || !DEVICE_FORMAT.test(token)) return false;
  const [row] = await withIdentity(db, { userId }, (tx) =>
    tx
      .select({ id: rememberedDevices.id })
      .from(rememberedDevices)
      .where(and(eq(rememberedDevices.userId, userId), eq(rememberedDevices.tokenHash, sha256Hex(token)), gt(rememberedDevices.expiresAt, now))),
  );
  return row !== undefined;
}
