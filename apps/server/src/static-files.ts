// The built web app, served from memory: each file with the brotli and gzip copies the build wrote
// beside it (apps/web/scripts/precompress.ts), the smallest one the browser accepts, and caching
// headers that let a returning patient load the booking page without asking for its scripts again.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { getMimeType } from "hono/utils/mime";

export type ContentEncoding = "br" | "gzip";

interface StaticFile {
  contentType: string;
  cacheControl: string;
  etag: string;
  /** Bodies by encoding; `identity` always, the others when the build wrote them. */
  bodies: { identity: Uint8Array } & Partial<Record<ContentEncoding, Uint8Array>>;
}

/** Vite names every file under assets/ after a hash of its content: a new version is a new URL. */
const FINGERPRINTED = /^\/assets\//;
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Everything else (index.html first): always ask whether it changed, so a deploy reaches everyone at once. */
const REVALIDATE = "no-cache";
const SUFFIXES: Record<ContentEncoding, string> = { br: ".br", gzip: ".gz" };

/**
 * The encoding to send for an `Accept-Encoding` header, among those a file has: the one with the
 * highest q-value, brotli on a tie (it is the smaller), none when the client accepts neither.
 */
export function chooseEncoding(acceptEncoding: string | null, available: readonly ContentEncoding[]): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: ContentEncoding | null = null;
  let bestWeight = 0;
  for (const encoding of ["br", "gzip"] as const) {
    if (!available.includes(encoding)) continue;
    const weight = weights.get(encoding) ?? weights.get("*") ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}

export interface StaticSite {
  /** The answer for a GET or HEAD of a file of the build, or null when there is no such file. */
  file(request: Request): Response | null;
  /** index.html, for the app's client-side routes. */
  page(request: Request): Response;
  /** index.html's text, for the hashes of its inline scripts. */
  indexHtml: string;
}

function answer(request: Request, file: StaticFile): Response {
  const headers = new Headers({ "Content-Type": file.contentType, "Cache-Control": file.cacheControl, ETag: file.etag });
  const available = (Object.keys(SUFFIXES) as ContentEncoding[]).filter((e) => file.bodies[e]);
  // Caches must key on the header even when this answer is the plain one.
  if (available.length > 0) headers.set("Vary", "Accept-Encoding");
  if (request.headers.get("if-none-match") === file.etag) return new Response(null, { status: 304, headers });
  const encoding = chooseEncoding(request.headers.get("accept-encoding"), available);
  const body = (encoding && file.bodies[encoding]) || file.bodies.identity;
  if (encoding) headers.set("Content-Encoding", encoding);
  headers.set("Content-Length", String(body.byteLength));
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
}

/** Reads the whole build once at start-up (a few hundred kB); index.html is required. */
export async function loadStaticSite(root: string): Promise<StaticSite> {
  const files = new Map<string, StaticFile>();
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/")));
  for (const name of names) {
    if (Object.values(SUFFIXES).some((suffix) => name.endsWith(suffix))) continue;
    const urlPath = `/${name}`;
    const identity = await readFile(path.join(root, name));
    const bodies: StaticFile["bodies"] = { identity };
    for (const [encoding, suffix] of Object.entries(SUFFIXES) as Array<[ContentEncoding, string]>) {
      if (names.has(name + suffix)) bodies[encoding] = await readFile(path.join(root, name + suffix));
    }
    files.set(urlPath, {
      contentType: getMimeType(name) ?? "application/octet-stream",
      cacheControl: FINGERPRINTED.test(urlPath) ? IMMUTABLE : REVALIDATE,
      etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`,
      bodies,
    });
  }
  const index = files.get("/index.html");
  if (!index) throw new Error(`web app: no index.html in ${root} (run pnpm build)`);
  return {
    indexHtml: new TextDecoder().decode(index.bodies.identity),
    file(request) {
      if (request.method !== "GET" && request.method !== "HEAD") return null;
      const found = files.get(new URL(request.url).pathname);
      return found ? answer(request, found) : null;
    },
    page: (request) => answer(request, index),
  };
}
