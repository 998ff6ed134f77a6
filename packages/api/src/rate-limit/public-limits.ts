// The limits on the public pages' procedures, per client address and per patient e-mail. The
// handler's fast path (cached-reads.ts) counts public.slots with the same limit as the procedure.
import type { Context } from "../context";
import type { ServerDeps } from "../ports";
import { enforceLimits, type Limit } from "./rate-limit";

/** The per-IP limit on public.slots (none when limits are off or the address is unknown). */
export function slotsLimits(deps: Pick<ServerDeps, "rateLimits">, ip: string | null): Limit[] {
  const limits = deps.rateLimits;
  return limits && ip ? [{ key: `slots:ip:${ip}`, max: limits.slotsPerIpPerMinute, windowSeconds: 60 }] : [];
}

/** public.book: per IP and per patient e-mail, an hour each. */
export function bookLimits(deps: Pick<ServerDeps, "rateLimits">, ip: string | null, email: string): Limit[] {
  const limits = deps.rateLimits;
  return limits
    ? [
        ...(ip ? [{ key: `book:ip:${ip}`, max: limits.bookPerIpPerHour, windowSeconds: 3600 }] : []),
        { key: `book:email:${email}`, max: limits.bookPerEmailPerHour, windowSeconds: 3600 },
      ]
    : [];
}

/** The manage link's procedures (public.booking.*): per IP, an hour. */
export const manageLimit = (ctx: Context) =>
  enforceLimits(ctx, ctx.deps.rateLimits && ctx.ip ? [{ key: `manage:ip:${ctx.ip}`, max: ctx.deps.rateLimits.managePerIpPerHour, windowSeconds: 3600 }] : []);

/** public.waitlist.join: as many as bookings, per IP and per patient e-mail, an hour each (its own counters). */
export function waitlistJoinLimits(deps: Pick<ServerDeps, "rateLimits">, ip: string | null, email: string): Limit[] {
  return bookLimits(deps, ip, email).map((limit) => ({ ...limit, key: `waitlist:${limit.key}` }));
}
