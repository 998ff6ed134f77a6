// Each API key has its own budget of calls per minute, shared by every server process (Postgres),
// so one integration in a loop cannot starve the clinic's front desk or other clinics.
import type { ServerDeps } from "../ports";
import type { Limit } from "./rate-limit";

export function apiKeyLimits(deps: Pick<ServerDeps, "rateLimits">, apiKeyId: string): Limit[] {
  const perMinute = deps.rateLimits?.apiKeyPerMinute;
  return perMinute ? [{ key: `api-key:${apiKeyId}`, max: perMinute, windowSeconds: 60 }] : [];
}
