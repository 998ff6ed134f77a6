// Every server setting, read and validated in one place. A wrong or missing value stops the start
// with a message that names it. `.env.example` lists each one with a comment.
import { z } from "zod";
import { environmentKeyProvider, parseMasterKey } from "./encryption/key-provider";
import { createVault, type Vault } from "./encryption/vault";
import type { RateLimitSettings, ResilienceSettings } from "./ports";
import type { WebhookSettings } from "./webhooks/settings";

export class ConfigError extends Error {
  override name = "ConfigError";
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const MASTER_KEY_FORMAT = "must be 32 random bytes in base64: openssl rand -base64 32";
const masterKey = z.string().transform((value, issue) => parseMasterKey(value) ?? (issue.addIssue({ code: "custom", message: MASTER_KEY_FORMAT }), z.NEVER));

/**
 * Development and tests only, and never accepted in production (parseConfig): a well-known key
 * protects nothing, it only lets `pnpm dev` and the tests run the real encryption path.
 */
const DEVELOPMENT_MASTER_KEY = parseMasterKey("ZnJvbnRkZXNrLWRldmVsb3BtZW50LW9ubHkta2V5ISE=")!;

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// URL")
    .optional(),
  DATABASE_ADMIN_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// URL")
    .optional(),
  // 0 picks any free port (tests).
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://book.example.com" })
    .transform((v) => new URL(v).origin)
    .default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_TIMEOUT_MINUTES: positiveInt(12 * 60),
  SESSION_ABSOLUTE_TIMEOUT_DAYS: positiveInt(30),
  MAIL_FROM: z.string().trim().min(3).default("Frontdesk <no-reply@localhost>"),
  MAIL_DIR: z.string().trim().min(1).default(".data/mail"),
  SHUTDOWN_GRACE_SECONDS: positiveInt(10),
  // Server processes the Node entry runs on this machine, sharing PORT (node:cluster, ADR 0062);
  // each has its own pool of DB_POOL_SIZE connections. 1: no cluster, the process serves alone.
  SERVER_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  // Failing fast (docs/operations.md, "Database outages, failover and overload"): every request answers
  // within its deadline, 503 with Retry-After when the database is away or the process is full.
  REQUEST_DEADLINE_MS: positiveInt(5_000),
  DB_POOL_SIZE: positiveInt(10),
  DB_CONNECT_TIMEOUT_MS: positiveInt(2_000),
  DB_QUEUE_LIMIT: z.coerce.number().int().min(0).default(50),
  DB_QUEUE_WAIT_MS: positiveInt(1_000),
  // Abuse limits on the public booking endpoints, per fixed window, shared through Postgres.
  RATE_LIMITS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  RATE_LIMIT_SLOTS_PER_IP_PER_MINUTE: positiveInt(120),
  RATE_LIMIT_BOOK_PER_IP_PER_HOUR: positiveInt(20),
  RATE_LIMIT_BOOK_PER_EMAIL_PER_HOUR: positiveInt(5),
  RATE_LIMIT_MANAGE_PER_IP_PER_HOUR: positiveInt(60),
  // Calls per API key per minute (ADR 0028).
  RATE_LIMIT_API_KEY_PER_MINUTE: positiveInt(600),
  // Operators' bearer token for /metrics and /readyz?verbose; unset, both answer 404.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (a random secret)").optional(),
  // The server secret API keys are hashed with; changing it invalidates every key (ADR 0028).
  API_KEY_PEPPER: z.string().min(16, "must be at least 16 characters (a random secret)").optional(),
  // Behind a TLS-terminating proxy: take the client's address from X-Forwarded-For (the last
  // entry, the proxy's own) and send plain-http requests (X-Forwarded-Proto: http) to https.
  TRUST_PROXY: z.enum(["on", "off"], { error: "must be on or off" }).default("off"),
  // Webhook endpoints on loopback or private addresses (SSRF, ADR 0023): refused in production
  // unless turned on here; allowed in development and tests, where receivers run on this machine.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(["on", "off"], { error: "must be on or off" }).optional(),
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
  WEBHOOK_MAX_ATTEMPTS: positiveInt(8),
  // Notifications (docs/operations.md, "Messages: e-mail, SMS, the job worker"). Without SMTP_URL
  // e-mail goes to .eml files in MAIL_DIR; without SMS_ACCOUNT_SID no SMS or WhatsApp is sent.
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  SMS_PROVIDER_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://api.twilio.com"),
  SMS_ACCOUNT_SID: z.string().trim().min(1).optional(),
  SMS_AUTH_TOKEN: z.string().trim().min(1).optional(),
  SMS_FROM: z.string().trim().min(1).optional(),
  WHATSAPP_FROM: z.string().trim().min(1).optional(),
  // The job worker runs in every server process unless WORKER=off (then run `pnpm start:worker`).
  WORKER: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  // The queue's connection; by default the owner's (DATABASE_ADMIN_URL), which owns its schema.
  WORKER_DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// URL")
    .optional(),
  WORKER_CONCURRENCY: positiveInt(4),
  // Other sites whose pages call the API with the user's cookie (CORS): comma-separated origins.
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value, issue) => {
      const origins = value.split(",").map((v) => v.trim()).filter((v) => v !== "");
      for (const origin of origins) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          parsed = undefined;
        }
        if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
          issue.addIssue({ code: "custom", message: `"${origin}" is not an origin such as https://app.example.com` });
        }
      }
      return origins;
    }),
  // Encryption at rest (ADR 0025): the master key that wraps every clinic's data keys, and during
  // a rotation the keys it replaces (comma-separated), which still unwrap but never wrap.
  MASTER_KEY: masterKey.optional(),
  MASTER_KEY_PREVIOUS: z
    .string()
    .default("")
    .transform((value, issue) => {
      const keys = value.split(",").map((v) => v.trim()).filter((v) => v !== "");
      return keys.map((key) => parseMasterKey(key) ?? (issue.addIssue({ code: "custom", message: MASTER_KEY_FORMAT }), new Uint8Array(0)));
    }),
});

export type Config = z.infer<typeof schema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as in most .env tooling.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const config = parsed.data;
  if (config.SMS_ACCOUNT_SID && (!config.SMS_AUTH_TOKEN || !config.SMS_FROM)) {
    throw new ConfigError("Invalid configuration:\n  SMS_AUTH_TOKEN, SMS_FROM: required with SMS_ACCOUNT_SID");
  }
  if (config.NODE_ENV === "production") {
    if (!config.DATABASE_URL) throw new ConfigError("Invalid configuration:\n  DATABASE_URL: required in production");
    if (!env.PUBLIC_URL) throw new ConfigError("Invalid configuration:\n  PUBLIC_URL: required in production");
    if (!config.MASTER_KEY) throw new ConfigError("Invalid configuration:\n  MASTER_KEY: required in production (openssl rand -base64 32; see docs/operations.md)");
  }
  return config;
}

/** The deadline and load-shedding settings the fetch handler applies (see ServerDeps.resilience). */
export function resilienceOf(config: Config): ResilienceSettings {
  return {
    requestDeadlineMs: config.REQUEST_DEADLINE_MS,
    gate: { permits: config.DB_POOL_SIZE, queueLimit: config.DB_QUEUE_LIMIT, maxWaitMs: config.DB_QUEUE_WAIT_MS },
  };
}

/** The public endpoints' limits, or null when RATE_LIMITS=off (load tests and benchmarks only). */
export function rateLimitsOf(config: Config): RateLimitSettings | null {
  if (config.RATE_LIMITS === "off") return null;
  return {
    slotsPerIpPerMinute: config.RATE_LIMIT_SLOTS_PER_IP_PER_MINUTE,
    bookPerIpPerHour: config.RATE_LIMIT_BOOK_PER_IP_PER_HOUR,
    bookPerEmailPerHour: config.RATE_LIMIT_BOOK_PER_EMAIL_PER_HOUR,
    managePerIpPerHour: config.RATE_LIMIT_MANAGE_PER_IP_PER_HOUR,
    apiKeyPerMinute: config.RATE_LIMIT_API_KEY_PER_MINUTE,
  };
}

/** How webhooks are sent; the entry point adds a host lookup where its runtime has one (Node's dns). */
export function webhookSettingsOf(config: Config): WebhookSettings {
  const allow = config.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? (config.NODE_ENV === "production" ? "off" : "on");
  return { allowPrivateTargets: allow === "on", timeoutMs: config.WEBHOOK_TIMEOUT_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS };
}

/** The vault that encrypts clinical text: MASTER_KEY (the development key outside production) and the previous keys. */
export function vaultOf(config: Config): Vault {
  return createVault(environmentKeyProvider(config.MASTER_KEY ?? DEVELOPMENT_MASTER_KEY, config.MASTER_KEY_PREVIOUS));
}
