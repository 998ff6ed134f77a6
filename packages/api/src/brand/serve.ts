// GET /media/<clinicId>/<file>: a published brand image, cached for good (its address carries its
// hash). Everything else, whatever the reason, is the same bare 404: nothing to probe for.
import { IMAGE_TYPES } from "@frontdesk/domain";
import type { ServerDeps } from "../ports";
import { postgresImageStore } from "./image-store";
import { parseImageFile, urlHash } from "./image-url";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const mediaNotFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function answerMedia(deps: ServerDeps, clinicId: string, file: string, ifNoneMatch: string | null): Promise<Response> {
  const wanted = parseImageFile(file);
  if (!UUID.test(clinicId) || !wanted) return mediaNotFound();
  const image = await (deps.images ?? postgresImageStore).published(deps.db, clinicId, wanted.imageId);
  if (!image || urlHash(image.sha256) !== wanted.hash || IMAGE_TYPES[image.contentType] !== wanted.ext) return mediaNotFound();
  const etag = `"${image.sha256}"`;
  const headers = {
    "Content-Type": image.contentType,
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    // The stored type, never a guess: and were the bytes anything else, they could run nothing.
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return new Response(null, { status: 304, headers });
  // postgres.js hands bytea over as a Buffer on a plain ArrayBuffer (never a shared one).
  return new Response(image.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, "Content-Length": String(image.bytes.byteLength) } });
}
