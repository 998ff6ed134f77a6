// HTTP hardening (ADR 0017): the headers every answer carries, the Content-Security-Policy of the
// web app's pages, cross-origin API clients (CORS) and the client's address behind a proxy.
import { withIdentity } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import type { Database } from "@frontdesk/db";

const isHttps = (publicUrl: string) => new URL(publicUrl).protocol === "https:";

/** Headers for every answer, API and pages alike. HSTS only when the public URL is https. */
export function baseSecurityHeaders(publicUrl: string): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // Manage links and invitations carry capabilities in the path: never send them to other sites.
    "Referrer-Policy": "no-referrer",
    ...(isHttps(publicUrl) ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The sha256 CSP sources of the inline scripts of an HTML page (the built index.html has none today). */
export async function inlineScriptHashes(html: string): Promise<string[]> {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(match[1]));
    hashes.push(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  }
  return hashes;
}

/**
 * Headers for a page of the web app. Scripts only from our origin (plus the hashes of inline ones),
 * no plugins, no <base>, and framing by nobody unless `frameAncestors` lists sites (the public
 * booking page of a clinic that allows embedding).
 */
export function pageSecurityHeaders(options: { publicUrl: string; scriptHashes: readonly string[]; frameAncestors: readonly string[] }): Record<string, string> {
  const ancestors = options.frameAncestors.length > 0 ? `'self' ${options.frameAncestors.join(" ")}` : "'none'";
  const policy = [
    "default-src 'self'",
    `script-src 'self'${options.scriptHashes.map((h) => ` ${h}`).join("")}`,
    "style-src 'self'",
    // The MFA set-up shows its QR code as a data: image.
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
    ...(isHttps(options.publicUrl) ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    ...baseSecurityHeaders(options.publicUrl),
    "Content-Security-Policy": policy,
    // For browsers without frame-ancestors; it cannot express an allow-list, so only when none.
    ...(options.frameAncestors.length === 0 ? { "X-Frame-Options": "DENY" } : {}),
  };
}

const BOOKING_PAGE = /^\/book\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

/** The sites a clinic lets frame its booking page (`/book/<slug>`), or none for any other path. */
export async function frameAncestorsFor(db: Database, pathname: string): Promise<string[]> {
  const slug = BOOKING_PAGE.exec(pathname)?.[1];
  if (!slug || slug.length > 63) return [];
  const [clinic] = await withIdentity(db, {}, (tx) => tx.select({ embedOrigins: clinics.embedOrigins }).from(clinics).where(eq(clinics.slug, slug)));
  return clinic?.embedOrigins ?? [];
}

/**
 * The client's address: the socket's, or behind a trusted TLS-terminating proxy (TRUST_PROXY=on)
 * the last X-Forwarded-For entry, the one that proxy appended (earlier ones are the client's word).
 */
export function clientAddress(request: Request, socketIp: string | null, trustProxy: boolean): string | null {
  if (!trustProxy) return socketIp;
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded && forwarded.length <= 64 && /^[0-9a-fA-F.:]+$/.test(forwarded) ? forwarded : socketIp;
}

/** Behind a trusted proxy, a plain-http request to an https deployment: where to send it instead. */
export function httpsRedirect(request: Request, publicUrl: string, trustProxy: boolean): string | null {
  if (!trustProxy || !isHttps(publicUrl) || request.headers.get("x-forwarded-proto")?.toLowerCase() !== "http") return null;
  const url = new URL(request.url);
  return `${publicUrl}${url.pathname}${url.search}`;
}

/** CORS headers for a request from one of `allowedOrigins` (cross-origin API clients); none otherwise. */
export function corsHeaders(request: Request, allowedOrigins: readonly string[]): Record<string, string> {
  const origin = request.headers.get("origin");
  if (origin === null || !allowedOrigins.includes(origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, X-Request-Id, trpc-accept",
    "Access-Control-Expose-Headers": "X-Request-Id, Retry-After",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
}
