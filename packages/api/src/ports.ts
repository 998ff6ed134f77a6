// What the API needs from the outside world, injected by each entry point (and by tests).
import type { ImageStore } from "./brand/image-store";
import type { PasswordHasher, SessionSettings } from "@frontdesk/auth";
import type { Database } from "@frontdesk/db";
import type { Vault } from "./encryption/vault";
import type { Context } from "./context";
import type { GateSettings } from "./resilience/gate";
import type { WebhookSettings } from "./webhooks/settings";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text`, built from escaped values only. */
  html?: string;
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
  /** A stable id for the message (without angle brackets): a resend of the same message carries the same Message-ID. */
  messageId?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Whether the transport can deliver now (/readyz?verbose); optional. */
  check?(): Promise<void>;
}

/** The subset of pino's interface the API uses, so an edge runtime can pass something smaller. */
export interface Logger {
  info(fields: Record<string, unknown>, message?: string): void;
  warn(fields: Record<string, unknown>, message?: string): void;
  error(fields: Record<string, unknown>, message?: string): void;
}

export interface RateLimitSettings {
  slotsPerIpPerMinute: number;
  bookPerIpPerHour: number;
  bookPerEmailPerHour: number;
  managePerIpPerHour: number;
  /** Calls per API key per minute (staff procedures called with a key). */
  apiKeyPerMinute?: number;
  /** Fetches per calendar feed per hour (ten times that per client address); 120 when unset. */
  calendarFeedPerHour?: number;
}

/** Failing fast under outage and overload (resilience/*): absent, requests wait as long as the driver does. */
export interface ResilienceSettings {
  /** Each request (live feeds excepted) answers by then: 503 with Retry-After, its transaction rolled back. */
  requestDeadlineMs: number;
  /** How many transactions run and wait for a connection at once, per process. */
  gate: GateSettings;
}

/**
 * Postgres LISTEN on `channel`: resolves once listening; `onMessage` gets each NOTIFY payload;
 * `onReconnect` runs after the connection was lost and listening again (notifications sent in
 * between are gone, so listeners re-read what they missed). The result stops listening.
 */
export type Listen = (channel: string, onMessage: (payload: string) => void, onReconnect?: () => void) => Promise<() => Promise<void>>;

export interface ServerDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  hasher: PasswordHasher;
  logger: Logger;
  /** Origin used for cookies, CSRF checks and links in e-mails, e.g. "https://book.example.com". */
  publicUrl: string;
  sessions: SessionSettings;
  /** Limits on the public booking endpoints; null turns them off (never the default). */
  rateLimits: RateLimitSettings | null;
  /** Encrypts clinical text under each clinic's data keys (ADR 0025). */
  vault: Vault;
  /**
   * Live calendar updates from any server process (`calendar.changes`), over one connection per
   * process. Absent where a runtime cannot hold one open (edge): the feed then polls the table.
   */
  listen?: Listen;
  resilience?: ResilienceSettings;
  /** Where webhooks may go (ADR 0023); absent: private and loopback addresses are refused. */
  webhooks?: WebhookSettings;
  metrics?: Metrics;
  /** The server secret API keys are hashed with (API_KEY_PEPPER); changing it invalidates every key. */
  apiKeyPepper?: string;
  /** Where brand images are kept (ADR 0049); absent: in PostgreSQL. */
  images?: ImageStore;
}

/** The REST layer (rest/index.ts), given by entry points that can run it (Node; not the edge). */
export interface RestApi {
  /** Answers one request under /api/v1 with the request's context. */
  answer(request: Request, context: Context): Promise<Response>;
  /** The OpenAPI document for a deployment at `publicUrl`. */
  document(publicUrl: string): unknown;
}

/**
 * What the API reports for monitoring (metrics/prometheus.ts on Node; absent on the edge). Labels
 * are bounded and never carry patient data: procedure paths from the router, outcome codes,
 * cache kinds.
 */
export interface Metrics {
  /** One procedure call (tRPC or REST): its outcome ("ok" or the error code) and duration. */
  procedureCalled(procedure: string, outcome: string, seconds: number): void;
  /** One HTTP answer: which part of the server and its status class ("2xx"...). */
  requestAnswered(area: string, status: number): void;
  /** An appointment booked: online (public.book) or by staff and API keys. */
  bookingMade(source: "online" | "staff"): void;
  /** A booking or move refused because the time was taken or not free. */
  bookingConflict(procedure: string): void;
  cacheLookup(cache: string, hit: boolean): void;
  liveFeedOpened(): void;
  liveFeedClosed(): void;
  /** The per-process connection gate, to report pool use and waiting (resilience/gate.ts). */
  watchGate(load: () => { running: number; waiting: number }, permits: number): void;
  /** The job queue's depth and age, read when scraped (jobs/queue.ts); optional for other Metrics. */
  watchJobQueue?(read: () => Promise<{ waiting: number; running: number; failed: number; oldestWaitingSeconds: number }>): void;
  /** The scrape answer (Prometheus text format) and its content type. */
  scrape(): Promise<{ body: string; contentType: string }>;
}
