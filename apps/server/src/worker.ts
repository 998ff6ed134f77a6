// The same API on an edge runtime (Cloudflare Workers / workerd): web-standard code only, which
// `check-worker.ts` (part of `pnpm typecheck`) proves by bundling it as workerd would, and the
// edge tests (edge/*.test.ts) prove by running it in workerd. ADR 0045 explains the mechanisms.
import { createFetchHandler, parseConfig, queuedMailer, rateLimitsOf, systemClock, vaultOf, type Logger } from "@frontdesk/api";
import { createDb } from "@frontdesk/db";
import { edgeHasher } from "./edge/hasher";
import { serveWebApp, type AssetsBinding } from "./edge/web-app";
import { isApiPath } from "./api-paths";

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** What the worker's bindings look like (wrangler.jsonc): strings from `vars` and secrets, plus these. */
export interface EdgeEnv {
  /** The database through Cloudflare Hyperdrive; without it, DATABASE_URL is used as it is. */
  HYPERDRIVE?: { connectionString: string };
  /** The web app's built files (Workers static assets). */
  ASSETS?: AssetsBinding;
  [name: string]: unknown;
}

/** Workers collect console output as logs: one JSON object per line. */
const logger: Logger = {
  info: (fields, message) => console.info(JSON.stringify({ level: "info", msg: message, ...fields })),
  warn: (fields, message) => console.warn(JSON.stringify({ level: "warn", msg: message, ...fields })),
  error: (fields, message) => console.error(JSON.stringify({ level: "error", msg: message, ...fields })),
};

const settingsOf = (env: EdgeEnv) => Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"));


export default {
  async fetch(request: Request, env: EdgeEnv, context: ExecutionContext): Promise<Response> {
    // Hyperdrive's connection string stands for DATABASE_URL (a different one each request).
    const config = parseConfig({ ...settingsOf(env), ...(env.HYPERDRIVE ? { DATABASE_URL: env.HYPERDRIVE.connectionString } : {}) });
    const databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) return new Response("DATABASE_URL is not configured", { status: 500 });
    if (env.ASSETS && !isApiPath(new URL(request.url).pathname)) {
      return serveWebApp(request, env.ASSETS, {
        publicUrl: config.PUBLIC_URL,
        withDb: async (use) => {
          const { db, close } = createDb(databaseUrl, { max: 1 });
          try {
            return await use(db);
          } finally {
            context.waitUntil(close());
          }
        },
      });
    }
    // One short-lived client per request: edge isolates cannot keep a pool between requests
    // (Hyperdrive keeps the real connections). Two, because a live feed reads beside the request's
    // own transaction and a mail is queued beside it; postgres.js opens the second only when used.
    const { db, close } = createDb(databaseUrl, { max: 2 });
    const handler = createFetchHandler(
      {
        db,
        clock: systemClock,
        mailer: queuedMailer(db),
        hasher: edgeHasher,
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
    let response: Response;
    try {
      response = await handler(request);
    } catch (error) {
      context.waitUntil(close());
      throw error;
    }
    if (!response.body) {
      context.waitUntil(close());
      return response;
    }
    // A streamed answer (the live feed) still reads the database after this returns: the client
    // ends when the body does, whether it finished or the reader went away.
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    context.waitUntil(
      response.body
        .pipeTo(writable)
        .catch(() => undefined)
        .finally(close),
    );
    return new Response(readable, response);
  },
};
