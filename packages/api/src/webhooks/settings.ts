// How webhooks are sent (WEBHOOK_* settings, docs/operations.md).
import type { ResolveHost } from "./targets";

export interface WebhookSettings {
  /**
   * Whether endpoints may be loopback or private addresses. Off in production (SSRF, ADR 0023);
   * tests and development turn it on explicitly to reach a receiver on this machine.
   */
  allowPrivateTargets: boolean;
  /** Looks up an endpoint's host before each attempt, so a public-looking name for a private address is refused too. */
  resolveHost?: ResolveHost;
  /** An attempt with no answer by then counts as failed. */
  timeoutMs?: number;
  /** Attempts before a delivery is failed for good. */
  maxAttempts?: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A worker's claim on an attempt: if it dies mid-send, the delivery is tried again after this. */
  leaseMs?: number;
  /** The HTTP client (tests may wrap it); default the runtime's fetch. */
  fetch?: typeof fetch;
}

export const WEBHOOK_DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60_000,
  leaseMs: 60_000,
} as const;

/** When attempt number `attempt` (1-based) failed, how long until the next: exponential, capped. */
export function retryDelayMs(attempt: number, settings: Pick<WebhookSettings, "baseDelayMs" | "maxDelayMs"> = {}): number {
  const base = settings.baseDelayMs ?? WEBHOOK_DEFAULTS.baseDelayMs;
  const max = settings.maxDelayMs ?? WEBHOOK_DEFAULTS.maxDelayMs;
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/** Refuses private targets unless said otherwise: a deployment that forgets the setting is safe. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { allowPrivateTargets: false };
