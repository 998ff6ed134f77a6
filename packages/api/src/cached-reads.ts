// The booking page's most frequent question, answered from memory before the framework runs:
// public.slots for free times this server process already holds (cache/clinic-cache.ts).
// While a clinic's page is busy nearly every such request is a cache hit, and the framework's
// path (Hono, tRPC's resolver, input validation, serialising about 35 kB) costs several times
// the CPU of sending the kept JSON (docs/BENCHMARKS.md).
//
// The answer is byte for byte the one tRPC sends (public-cache.test.ts compares them), and the
// per-IP limit is counted as in the procedure. Only the plainest request is taken: anything tRPC
// might answer otherwise, or that needs the session step, takes the full path, which also gives
// errors their proper shape.
import { readSessionToken } from "@frontdesk/auth";
import { countHits } from "./rate-limit/rate-limit";
import type { ServerDeps } from "./ports";
import { slotsInput } from "@frontdesk/domain";
import { cachedSlotsJson, SLOTS } from "./cache/public-reads";
import { slotsLimits } from "./rate-limit/public-limits";

const SLOTS_PATH = "/trpc/public.slots";

/** tRPC's headers on a JSON answer. */
const HEADERS = { "content-type": "application/json", vary: "trpc-accept, accept" } as const;

/** The answer to a cached public read, or undefined when the request should take the full path. */
export async function answerFromCache(deps: ServerDeps, request: Request, url: URL, ip: string | null): Promise<Response | undefined> {
  if (request.method !== "GET" || url.pathname !== SLOTS_PATH || !isPlainQuery(request, url, deps.publicUrl)) return undefined;
  const batched = url.searchParams.get("batch") === "1";
  const input = slotsInput.safeParse(soleInput(url.searchParams.get("input"), batched));
  if (!input.success) return undefined;
  // Counted only for an answer sent from here: a miss is counted once, by the procedure. A refused
  // request is counted again on the full path, which costs nothing: it is over the limit already.
  if (cachedSlotsJson(deps, input.data) === undefined) return undefined;
  if ((await countHits(deps, slotsLimits(deps, ip))) !== null) return undefined;
  // Read again after the count's round trip: a change heard meanwhile has dropped the entry. (In
  // that rare case the full path counts the request a second time.)
  const json = cachedSlotsJson(deps, input.data);
  if (json === undefined) return undefined;
  // peek() counts nothing (it runs twice here): the answer sent from the cache is the hit.
  deps.metrics?.cacheLookup(SLOTS.name, true);
  return new Response(batched ? `[{"result":{"data":${json}}}]` : `{"result":{"data":${json}}}`, { headers: HEADERS });
}

/**
 * A query tRPC answers with plain JSON and the session step has nothing to do for: no body type,
 * no streaming asked for (tRPC's rule: `trpc-accept`, or `application/jsonl` in `accept`), no
 * parameter but `batch` and `input`, and no session cookie (which the full path renews or clears).
 */
function isPlainQuery(request: Request, url: URL, publicUrl: string): boolean {
  const { headers } = request;
  if (headers.has("content-type") || headers.has("trpc-accept")) return false;
  if (headers.get("accept")?.split(",").some((type) => type.trim() === "application/jsonl")) return false;
  for (const name of url.searchParams.keys()) if (name !== "batch" && name !== "input") return false;
  return readSessionToken(headers.get("cookie"), publicUrl) === null;
}

/** The call's input from tRPC's query string: the value itself, or a batch's only entry ("0"). */
function soleInput(raw: string | null, batched: boolean): unknown {
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!batched) return parsed;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const entries = Object.entries(parsed);
  return entries.length === 1 && entries[0]![0] === "0" ? entries[0]![1] : undefined;
}
