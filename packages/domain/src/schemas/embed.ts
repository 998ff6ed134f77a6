// The sites a clinic lets show its booking page in a frame (ADR 0051): origins only, https except
// for a developer's own machine, because each one goes verbatim into a CSP frame-ancestors list.
import { z } from "zod";

export const MAX_EMBED_ORIGINS = 10;

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\]|[a-z0-9-]+\.localhost)$/;
// Letters, digits, dots and hyphens only: a "*" would be a CSP wildcard, a space or ";" a new directive.
const PLAIN_HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** Whether `value` is an origin a clinic may register, such as https://www.example-clinic.fr. */
export function isEmbedOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.origin !== value.replace(/\/$/, "").toLowerCase()) return false;
  if (!PLAIN_HOST.test(url.hostname) && !LOCAL_HOST.test(url.hostname)) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOST.test(url.hostname));
}

export const embedOrigin = z
  .string()
  .trim()
  .max(200, "That address is too long")
  .refine(isEmbedOrigin, "Enter a site's address such as https://www.example.com (https, no path)")
  .transform((value) => new URL(value).origin);

/** clinic.embed.update */
export const updateEmbedOriginsInput = z.object({
  origins: z.array(embedOrigin).max(MAX_EMBED_ORIGINS, `At most ${MAX_EMBED_ORIGINS} sites`),
});
