// The session cookie. HttpOnly keeps it from scripts, SameSite=Lax from most cross-site requests,
// and over HTTPS the "__Host-" prefix makes browsers refuse it unless Secure, Path=/ and without a
// Domain: a sibling subdomain cannot plant or overwrite it.
const BASE_NAME = "frontdesk_session";
// "Remember this device": lets a browser skip the second factor until the device token expires.
const DEVICE_BASE_NAME = "frontdesk_device";
// Our tokens are lower-case base32 and a dot; anything else in a cookie value is not ours.
const TOKEN_CHARACTERS = /^[a-z2-7.]{1,128}$/;

const isHttps = (publicUrl: string) => new URL(publicUrl).protocol === "https:";

const cookieName = (base: string, publicUrl: string) => (isHttps(publicUrl) ? `__Host-${base}` : base);

export function sessionCookieName(publicUrl: string): string {
  return cookieName(BASE_NAME, publicUrl);
}

function serialize(publicUrl: string, value: string, maxAgeSeconds: number, expires: Date, base = BASE_NAME): string {
  const attributes = [
    `${cookieName(base, publicUrl)}=${value}`,
    "Path=/",
    `Max-Age=${maxAgeSeconds}`,
    `Expires=${expires.toUTCString()}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (isHttps(publicUrl)) attributes.push("Secure");
  return attributes.join("; ");
}

/** Set-Cookie value for a session token, living until the session's expiry. */
export function serializeSessionCookie(token: string, options: { publicUrl: string; expiresAt: Date; now: Date }): string {
  // Refuse rather than let a stray ";" or newline inject attributes or headers.
  if (!TOKEN_CHARACTERS.test(token)) throw new TypeError("Not a session token");
  const maxAge = Math.max(0, Math.floor((options.expiresAt.getTime() - options.now.getTime()) / 1000));
  return serialize(options.publicUrl, token, maxAge, options.expiresAt);
}

/** Set-Cookie value that removes the session cookie (sign out, expired session). */
export function serializeBlankSessionCookie(publicUrl: string): string {
  return serialize(publicUrl, "", 0, new Date(0));
}

/** The session token from a Cookie header, or null. Over HTTPS only the "__Host-" cookie counts. */
export function readSessionToken(cookieHeader: string | null, publicUrl: string): string | null {
  return readCookie(cookieHeader, cookieName(BASE_NAME, publicUrl));
}

/** Set-Cookie value for a remembered-device token, living until it expires. */
export function serializeDeviceCookie(token: string, options: { publicUrl: string; expiresAt: Date; now: Date }): string {
  if (!TOKEN_CHARACTERS.test(token)) throw new TypeError("Not a device token");
  const maxAge = Math.max(0, Math.floor((options.expiresAt.getTime() - options.now.getTime()) / 1000));
  return serialize(options.publicUrl, token, maxAge, options.expiresAt, DEVICE_BASE_NAME);
}

/** The remembered-device token from a Cookie header, or null. */
export function readDeviceToken(cookieHeader: string | null, publicUrl: string): string | null {
  return readCookie(cookieHeader, cookieName(DEVICE_BASE_NAME, publicUrl));
}

function readCookie(cookieHeader: string | null, name: string): string | null {
  if (cookieHeader === null) return null;
  for (const pair of cookieHeader.split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return TOKEN_CHARACTERS.test(value) ? value : null;
  }
  return null;
}
