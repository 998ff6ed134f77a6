// The same API on an edge runtime (Cloudflare Workers / workerd): web-standard code only, which
// `check-worker.ts` (part of `pnpm typecheck`) proves by bundling it as workerd would.
import { createFetchHandler, parseConfig, rateLimitsOf, systemClock, vaultOf, type Logger, type Mailer } from "@frontdesk/api";
import { webArgon2Hasher } from "@frontdesk/auth/argon2-web";
import { createDb } from "@frontdesk/db";

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Workers collect console output as logs: one JSON object per line. */
const logger: Logger = {
  info: (fields, message) => console.info(JSON.stringify({ level: "info", msg: message, ...fields })),
  warn: (fields, message) => console.warn(JSON.stringify({ level: "warn", msg: message, ...fields })),
  error: (fields, message) => console.error(JSON.stringify({ level: "error", msg: message, ...fields })),
};

/** No mail transport exists for the edge yet: fail loudly rather than drop a sign-in code. */
const mailer: Mailer = {
  send: () => Promise.reject(new Error("No mail transport is configured for the edge runtime")),
};

export default {
  async fetch(request: Request, env: Record<string, string | undefined>, context: ExecutionContext): Promise<Response> {
    const config = parseConfig(env);
    if (!config.DATABASE_URL) return new Response("DATABASE_URL is not configured", { status: 500 });
    // One short-lived client per request: edge isolates cannot keep a pool between requests.
    const { db, close } = createDb(config.DATABASE_URL, { max: 1 });
    const handler = createFetchHandler(
      {
        db,
        clock: systemClock,
        mailer,
        hasher: webArgon2Hasher,
        logger,
        publicUrl: config.PUBLIC_URL,
        sessions: {
          idleTimeoutMs: config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
          absoluteTimeoutMs: config.SESSION_ABSOLUTE_TIMEOUT_DAYS * 24 * 60 * 60_000,
        },
        rateLimits: rateLimitsOf(config),
        vault: vaultOf(config),
        apiKeyPepper: config.API_KEY_PEPPER,
      },
      { clientIp: (req) => req.headers.get("cf-connecting-ip") },
    );
    try {
      return await handler(request);
    } finally {
      context.waitUntil(close());
    }
  },
};
