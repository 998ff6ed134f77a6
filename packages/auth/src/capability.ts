// Bearer links (staff invitations now, patients' manage links later). The clinic id travels in the
// token so the server can open that clinic's tenant scope before the lookup: the row is then found
// by hash under row-level security, and a token relabelled with another clinic's id finds nothing.
import { z } from "zod";
import { randomBase32, sha256Hex } from "./crypto";

// 20 random bytes: 160 bits in 32 lower-case base32 characters.
const SECRET_BYTES = 20;
const TOKEN_FORMAT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z2-7]{32})$/;
// The same check withTenant applies, so a parsed clinic id never fails the scope.
const clinicIdSchema = z.uuid();

// The whole token is hashed, so the stored hash also binds the clinic id.
const hashToken = (token: string) => sha256Hex(token);

/** A new token "<clinicId>.<secret>" to send, and the hash to store (the token itself is never stored). */
export function createCapabilityToken(clinicId: string): { token: string; tokenHash: string } {
  const id = clinicId.toLowerCase();
  if (!clinicIdSchema.safeParse(id).success) throw new TypeError("clinicId must be a UUID");
  const token = `${id}.${randomBase32(SECRET_BYTES)}`;
  return { token, tokenHash: hashToken(token) };
}

/** The clinic to scope to and the hash to look up, or null for anything not exactly in our format. */
export function parseCapabilityToken(token: string): { clinicId: string; tokenHash: string } | null {
  const match = TOKEN_FORMAT.exec(token);
  if (!match || !clinicIdSchema.safeParse(match[1]).success) return null;
  return { clinicId: match[1]!, tokenHash: hashToken(token) };
}
