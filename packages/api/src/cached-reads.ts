// The booking page's most frequent question, answered from memory before the framework runs:
// public.slots for free times this server process already holds (booking/clinic-cache.ts).
// While a clinic's page is busy nearly every such request is a cache hit, and the framework's
// path (Hono, tRPC's resolver, input validation, serialising about 35 kB) costs about three times
// the CPU of sending the kept JSON (docs/BENCHMARKS.md).
//
// The answer is byte for byte the one tRPC sends (http.test.ts compares them), and the per-IP limit
// is counted as in the procedure. Everything else takes the full path, which gives errors their
// proper shape: other procedures, a batch of several calls, input that does not parse, a question
// not cached, a limit reached, a streaming client.
import { countHits } from "./booking/rate-limit";
import type { ServerDeps } from "./ports";
import { cachedSlotsJson, slotsLimits } from "./routers/public";
import { slotsInput } from "./schemas";

const SLOTS_PATH = "/trpc/public.slots";

/** tRPC's headers on a JSON answer. */
const HEADERS = { "content-type": "application/json", vary: "trpc-accept, accept" } as const;

/** The answer to a cached public read, or undefined when the request should take the full path. */
export async function answerFromCache(deps: ServerDeps, request: Request, url: URL, ip: string | null): Promise<Response | undefined> {
  if (request.method !== "GET" || url.pathname !== SLOTS_PATH || request.headers.has("trpc-accept")) return undefined;
  const batched = url.searchParams.get("batch") === "1";
  const input = slotsInput.safeParse(soleInput(url.searchParams.get("input"), batched));
  if (!input.success) return undefined;
  const json = cachedSlotsJson(deps, input.data);
  if (json === undefined) return undefined;
  // Counted only for an answer sent from here: a miss is counted once, by the procedure. A refused
  // request is counted again on the full path, which costs nothing: it is over the limit already.
  if ((await countHits(deps, slotsLimits(deps, ip))) !== null) return undefined;
  return new Response(batched ? `[{"result":{"data":${json}}}]` : `{"result":{"data":${json}}}`, { headers: HEADERS });
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
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const entries = Object.entries(parsed);
  return entries.length === 1 && entries[0]![0] === "0" ? entries[0]![1] : undefined;
}
