// Shared primitives: web-standard randomness and hashing, usable on Node and edge runtimes alike.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** `bytes` random bytes as lower-case base32 (alphabet a-z, 2-7): 20 bytes give 160 bits in 32 characters. */
export function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256 of a UTF-8 string, as 64 lower-case hex characters. */
export function sha256Hex(value: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
}

/** Compares two strings in time that depends only on their lengths (for hashes, which have equal lengths). */
export function constantTimeStringEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  return left.length === right.length && constantTimeEqual(left, right);
}

/** E-mail addresses are compared case-insensitively everywhere (users_email_key is on lower(email)). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
