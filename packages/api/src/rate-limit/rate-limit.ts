// Fixed-window counters in Postgres (rate_limits), so every server process shares them.
import { withIdentity, type Database } from "@frontdesk/db";
import { rateLimits } from "@frontdesk/db/schema";
import { lt, sql } from "drizzle-orm";
import type { Context } from "../context";
import { RateLimitedError } from "../errors";
import type { ServerDeps } from "../ports";

export interface Limit {
  /** e.g. "book:ip:203.0.113.9". Long values (a 10 kB "e-mail") are cut: the input check refuses them anyway. */
  key: string;
  max: number;
  windowSeconds: number;
}

/** Counts one hit on each limit; answers TOO_MANY_REQUESTS (with Retry-After) when any is exceeded. */
export async function enforceLimits(ctx: Context, limits: Limit[]): Promise<void> {
  const exceeded = await countHits(ctx.deps, limits);
  if (exceeded === null) return;
  ctx.responseHeaders.set("Retry-After", String(exceeded));
  throw new RateLimitedError("Too many requests. Please wait a moment and try again.");
}

/** Counters are kept a day (the longest window is an hour): long enough to look into an attack. */
export const COUNTER_RETENTION_MS = 24 * 60 * 60_000;
/** One count in this many, per process, also clears expired counters. */
const CLEAR_EVERY = 500;
let countsSinceClearing = 0;

/**
 * Deletes counters whose window started before the retention period: they only take room, and
 * their keys hold e-mail and IP addresses. Returns how many went.
 */
export async function clearExpiredCounters(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - COUNTER_RETENTION_MS);
  const gone = await withIdentity(db, {}, (tx) => tx.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff)).returning({ key: rateLimits.key }));
  return gone.length;
}

/**
 * Counts one hit on each limit: the seconds until the first exceeded window ends, or null while
 * every limit has room (always when limits are off).
 */
export async function countHits(deps: Pick<ServerDeps, "db" | "clock" | "rateLimits">, limits: Limit[]): Promise<number | null> {
  if (!deps.rateLimits || limits.length === 0) return null;
  const { db } = deps;
  const now = deps.clock.now().getTime();
  if (++countsSinceClearing >= CLEAR_EVERY) {
    countsSinceClearing = 0;
    await clearExpiredCounters(db, new Date(now));
  }
  return withIdentity(db, {}, async (tx) => {
    // All counters in one round trip: the upserts are sent together.
    const waits = await Promise.all(
      limits.map(async (limit) => {
        const windowMs = limit.windowSeconds * 1000;
        const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
        const [row] = await tx
          .insert(rateLimits)
          .values({ key: limit.key.slice(0, 300), windowStart, count: 1 })
          .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
          .returning({ count: rateLimits.count });
        return row && row.count > limit.max ? Math.ceil((windowStart.getTime() + windowMs - now) / 1000) : null;
      }),
    );
    const exceeded = waits.filter((wait) => wait !== null);
    return exceeded.length > 0 ? Math.max(...exceeded) : null;
  });
}
