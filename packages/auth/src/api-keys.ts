// API keys for other software (ADR 0028): "fdk_<clinic id>_<secret>". The clinic id travels in the
// key so the server opens that clinic's tenant scope before the lookup, as capability links do;
// "fdk_" lets secret scanners recognise a leaked key. Only a keyed hash of the whole key is kept.
import { SHA256 } from "@oslojs/crypto/sha2";
import { hmac } from "@oslojs/crypto/hmac";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { z } from "zod";
import { randomBase32 } from "./crypto";

// 20 random bytes: 160 bits in 32 lower-case base32 characters, far past any guessing.
const SECRET_BYTES = 20;
const KEY_FORMAT = /^fdk_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([a-z2-7]{32})$/;
const clinicIdSchema = z.uuid();
/** How many characters of the secret lists show, so people tell their keys apart (8 of 32: the rest stays unguessable). */
const HINT_LENGTH = 8;

/**
 * HMAC-SHA256 with the server's pepper. A key has 160 random bits, so a slow password hash would
 * only cost time on every request: nobody can brute-force the key from its hash. The pepper adds
 * that a copy of the database alone cannot even confirm a leaked key.
 */
function hashKey(key: string, pepper: string): string {
  const encoder = new TextEncoder();
  return encodeHexLowerCase(hmac(SHA256, encoder.encode(pepper), encoder.encode(key)));
}

/** A new key to show once, the hash to store, and the hint lists show. */
export function createApiKey(clinicId: string, pepper: string): { key: string; keyHash: string; hint: string } {
  const id = clinicId.toLowerCase();
  if (!clinicIdSchema.safeParse(id).success) throw new TypeError("clinicId must be a UUID");
  const secret = randomBase32(SECRET_BYTES);
  const key = `fdk_${id}_${secret}`;
  return { key, keyHash: hashKey(key, pepper), hint: secret.slice(0, HINT_LENGTH) };
}

/** The clinic to scope to and the hash to look up, or null for anything not exactly in our format. */
export function parseApiKey(key: string, pepper: string): { clinicId: string; keyHash: string } | null {
  const match = KEY_FORMAT.exec(key);
  if (!match || !clinicIdSchema.safeParse(match[1]).success) return null;
  return { clinicId: match[1]!, keyHash: hashKey(key, pepper) };
}

/** Whether a request presents an API key (rather than a session cookie): `Authorization: Bearer fdk_…`. */
export function readApiKey(authorization: string | null): string | null {
  const match = /^Bearer\s+(fdk_\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}
