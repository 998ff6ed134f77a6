// The web app on the edge: files from Workers static assets (index.html for client routes, by
// not_found_handling), with the same security headers as the Node server's static-files.ts
// (ADR 0017): every answer gets the base headers, a page its Content-Security-Policy with the
// hashes of index.html's inline scripts and, for a booking page, the clinic's embed origins.
import { baseSecurityHeaders, frameAncestorsFor, inlineScriptHashes, pageSecurityHeaders } from "@frontdesk/api";
import type { Database } from "@frontdesk/db";

export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

export async function serveWebApp(request: Request, assets: AssetsBinding, options: { publicUrl: string; withDb: <T>(use: (db: Database) => Promise<T>) => Promise<T> }): Promise<Response> {
  const file = await assets.fetch(request);
  const headers = new Headers(file.headers);
  for (const [name, value] of Object.entries(baseSecurityHeaders(options.publicUrl))) headers.set(name, value);
  if (!headers.get("content-type")?.startsWith("text/html")) return new Response(file.body, { status: file.status, headers });
  const html = await file.text();
  const pathname = new URL(request.url).pathname;
  const frameAncestors = pathname.startsWith("/book/") ? await options.withDb((db) => frameAncestorsFor(db, pathname)) : [];
  for (const [name, value] of Object.entries(pageSecurityHeaders({ publicUrl: options.publicUrl, scriptHashes: await inlineScriptHashes(html), frameAncestors }))) headers.set(name, value);
  // The body changed hands as text: its length is recomputed, and a stale ETag would not match.
  headers.delete("content-length");
  return new Response(html, { status: file.status, headers });
}
