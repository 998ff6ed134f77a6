// Calendar feed URLs (ADR 0040): "/ical/<clinic id>_<feed id>_<secret>.ics". A calendar app keeps
// the URL and fetches it without any sign-in, so the URL is the credential: the clinic id opens
// that clinic's tenant scope, the feed id finds one row, and the secret's keyed hash is compared
// with the stored one in constant time. A secret from one feed or clinic fits no other.
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { constantTimeStringEqual, randomBase32 } from "./crypto";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const TOKEN_FORMAT = new RegExp(`^(${UUID})_(${UUID})_([a-z2-7]{32})$`);
// 160 random bits, as API keys have.
const SECRET_BYTES = 20;
const HINT_LENGTH = 6;

/** HMAC-SHA256 with the server's pepper, bound to the feed: the same secret hashes differently for another feed. */
function hashSecret(feedId: string, secret: string, pepper: string): string {
  const encoder = new TextEncoder();
  return encodeHexLowerCase(hmac(SHA256, encoder.encode(pepper), encoder.encode(`${feedId}:${secret}`)));
}

/** A new feed's token (shown once, in its URL), the hash to store, and the hint lists show. */
export function createFeedToken(clinicId: string, feedId: string, pepper: string): { token: string; secretHash: string; hint: string } {
  const secret = randomBase32(SECRET_BYTES);
  const token = `${clinicId.toLowerCase()}_${feedId.toLowerCase()}_${secret}`;
  return { token, secretHash: hashSecret(feedId.toLowerCase(), secret, pepper), hint: secret.slice(0, HINT_LENGTH) };
}

/** The clinic and feed a token names, and a check of its secret against a stored hash; null for anything else. */
export function parseFeedToken(token: string, pepper: string): { clinicId: string; feedId: string; matches: (storedHash: string) => boolean } | null {
  const match = TOKEN_FORMAT.exec(token);
  if (!match) return null;
  const [, clinicId, feedId, secret] = match as unknown as [string, string, string, string];
  const presented = hashSecret(feedId, secret, pepper);
  return { clinicId, feedId, matches: (storedHash) => constantTimeStringEqual(presented, storedHash) };
}
