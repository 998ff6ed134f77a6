// The production server on Node: the API's fetch handler, the built web app, graceful shutdown.
/* eslint-disable no-restricted-properties -- an entry point: the one place that reads process.env */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import {
  baseSecurityHeaders,
  clientAddress,
  createFetchHandler,
  frameAncestorsFor,
  httpsRedirect,
  inlineScriptHashes,
  listenWith,
  pageSecurityHeaders,
  parseConfig,
  rateLimitsOf,
  vaultOf,
  resilienceOf,
  systemClock,
  type Config,
  type Logger,
} from "@frontdesk/api";
import { restApi } from "@frontdesk/api/rest";
import { argon2Hasher } from "@frontdesk/auth/argon2";
import { createDb } from "@frontdesk/db";
import { Hono } from "hono";
import pino from "pino";
import { createApiDocs, isDocsPath } from "./api-docs";
import { createDevMail, devMailEnabled, isDevMailPath } from "./dev-mail";
import { createPrometheusMetrics } from "./metrics";
import { mailerOf, nodeWebhookSettings, queueUrlOf, startJobWorker } from "./job-worker";
import { createBookingPages, readBookingShellManifest } from "./booking-shell";
import { loadStaticSite } from "./static-files";
import { superviseProcess } from "./supervisor";
import { assertSupportedNode } from "./node-version";
import { isApiPath } from "./api-paths";
import { isClusterCopy, isClusterPrimary, runPrimary } from "./cluster";

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish (at most `graceMs`), then resolves. */
  stop(): Promise<void>;
}

/** The built SPA: apps/web/dist beside this app. */
const defaultWebRoot = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Serves any fetch handler on Node, counting in-flight requests so that shutdown can drain them. */
export async function serveHandler(
  handler: (request: Request, clientIp: string | null) => Promise<Response> | Response,
  options: { port: number; graceMs: number },
): Promise<RunningServer> {
  // A request counts until its response has left (the socket's "close" of the response), not merely
  // until the handler returned, so shutdown never cuts a response half-written.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server = serve({
    fetch: (request, env: { incoming: { socket: { remoteAddress?: string } }; outgoing: { once(event: "close", listener: () => void): void } }) => {
      inFlight++;
      env.outgoing.once("close", () => {
        if (--inFlight === 0) drained?.();
      });
      return handler(request, env.incoming.socket.remoteAddress ?? null);
    },
    port: options.port,
    hostname: "0.0.0.0",
  }) as Server;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.graceMs).unref());
      if (inFlight > 0) await Promise.race([new Promise<void>((resolve) => (drained = resolve)), grace]);
      // Whatever is left is idle keep-alive connections, or requests past the grace period.
      server.closeAllConnections();
      await Promise.race([closed, grace]);
    },
  };
}

export async function startServer(config: Config, options: { databaseUrl: string; webRoot?: string }): Promise<RunningServer & { logger: Logger }> {
  // Asynchronous writes to stdout: a request never waits for its log line to reach the pipe, and
  // lines written while one write is in flight go out together. pino flushes what is left when
  // the process exits.
  // Copies of a cluster (SERVER_PROCESSES > 1) share stdout: each line says which process wrote it.
  const logger = pino({ level: config.LOG_LEVEL, base: isClusterCopy() ? { pid: process.pid } : undefined }, pino.destination({ dest: 1, sync: false }));
  const { db, client, close } = createDb(options.databaseUrl, { max: config.DB_POOL_SIZE, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS });
  const mailer = mailerOf(config, logger);
  // The job worker (confirmations, reminders, retries) runs here too unless WORKER=off (ADR 0021).
  const queueUrl = queueUrlOf(config);
  const worker = config.WORKER === "on" && queueUrl ? await startJobWorker(config, { db, mailer, logger, queueUrl }) : undefined;
  if (config.WORKER === "on" && !queueUrl) {
    logger.warn({ component: "jobs" }, "job worker not started: set WORKER_DATABASE_URL (or DATABASE_ADMIN_URL), or run pnpm start:worker elsewhere");
  }
  const api = createFetchHandler(
    {
      db,
      clock: systemClock,
      mailer,
      hasher: argon2Hasher,
      logger,
      publicUrl: config.PUBLIC_URL,
      sessions: {
        idleTimeoutMs: config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
        absoluteTimeoutMs: config.SESSION_ABSOLUTE_TIMEOUT_DAYS * 24 * 60 * 60_000,
      },
      rateLimits: rateLimitsOf(config),
      vault: vaultOf(config),
      // One extra connection per process, LISTENing for calendar changes and for the slot cache
      // (closed with the pool).
      listen: listenWith(client),
      resilience: resilienceOf(config),
      webhooks: nodeWebhookSettings(config),
      apiKeyPepper: config.API_KEY_PEPPER,
      // Collected only where someone may read them.
      metrics: config.METRICS_TOKEN ? createPrometheusMetrics({ acrossProcesses: isClusterCopy() }) : undefined,
    },
    // The socket's address, or behind a trusted proxy (TRUST_PROXY=on) the one it forwards.
    { clientIp: (request) => clientAddress(request, clientIps.get(request) ?? null, trustProxy), allowedOrigins: config.ALLOWED_ORIGINS, rest: restApi, metricsToken: config.METRICS_TOKEN },
  );
  const clientIps = new WeakMap<Request, string | null>();
  const trustProxy = config.TRUST_PROXY === "on";

  // The API's paths go straight to its handler; everything else is the web app, with its
  // Content-Security-Policy (ADR 0017).
  const web = new Hono();
  const webRoot = options.webRoot ?? defaultWebRoot;
  if (existsSync(path.join(webRoot, "index.html"))) {
    const site = await loadStaticSite(webRoot);
    const scriptHashes = await inlineScriptHashes(site.indexHtml);
    web.use("/*", async (c, next) => {
      await next();
      // A page's policy means nothing on a script or a style sheet, and would add half a kilobyte
      // to each of the booking page's thirty files.
      const isPage = c.res.headers.get("content-type")?.startsWith("text/html") ?? false;
      const headers = isPage
        ? pageSecurityHeaders({ publicUrl: config.PUBLIC_URL, scriptHashes, frameAncestors: await frameAncestorsFor(db, c.req.path) })
        : baseSecurityHeaders(config.PUBLIC_URL);
      for (const [name, value] of Object.entries(headers)) {
        c.res.headers.set(name, value);
      }
    });
    // A missing fingerprinted file is a stale page asking for last deploy's chunk: a 404, not the app.
    web.get("/assets/*", (c) => site.file(c.req.raw) ?? c.notFound());
    // The booking page comes with its clinic and first screen written in (booking-shell.ts, ADR 0052).
    const manifest = await readBookingShellManifest(webRoot);
    const bookingPage = manifest
      ? createBookingPages({
          indexHtml: site.indexHtml,
          manifest,
          askApi: (internal, visitor) => {
            clientIps.set(internal, clientIps.get(visitor) ?? null);
            return api(internal);
          },
        })
      : () => Promise.resolve(null);
    // Client-side routes (/book/…, /app/…) get the SPA's index.html.
    web.get("*", async (c) => site.file(c.req.raw) ?? (await bookingPage(c.req.raw)) ?? site.page(c.req.raw));
  }
  const docs = await createApiDocs(config.PUBLIC_URL);
  // The development outbox (dev-mail.ts); a 404 in production or with SMTP, never the SPA.
  const devMail = devMailEnabled(config) ? createDevMail({ directory: path.resolve(config.MAIL_DIR) }) : undefined;
  // The API's paths (api-paths.ts), and the metrics Node serves.
  const isApi = (pathname: string) => isApiPath(pathname) || pathname === "/metrics";

  // Aborted on shutdown: live feeds end at once instead of holding the drain for the whole grace.
  // They end without tRPC's "return" message, which tells the client to reconnect (with its
  // lastEventId, to another process) rather than to stop listening.
  const shuttingDown = new AbortController();
  const running = await serveHandler(
    (incoming, ip) => {
      const live = incoming.headers.get("accept")?.includes("text/event-stream") ?? false;
      const request = live ? new Request(incoming, { signal: AbortSignal.any([incoming.signal, shuttingDown.signal]) }) : incoming;
      clientIps.set(request, ip);
      const redirect = httpsRedirect(request, config.PUBLIC_URL, trustProxy);
      if (redirect) return new Response(null, { status: 308, headers: { Location: redirect } });
      const pathname = new URL(request.url).pathname;
      if (isDocsPath(pathname)) return docs.fetch(request);
      if (isDevMailPath(pathname)) return devMail ? devMail(request) : new Response("Not found", { status: 404 });
      return isApi(pathname) ? api(request) : web.fetch(request);
    },
    { port: config.PORT, graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000 },
  );
  return {
    url: running.url,
    logger,
    async stop() {
      shuttingDown.abort();
      await running.stop();
      await worker?.stop();
      await close();
    },
  };
}

async function main() {
  assertSupportedNode();
  const config = parseConfig(process.env);
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL: required to start the server (`pnpm dev` starts a local database for you)");
  const listening = (url: string, processes = "") => process.stdout.write(`Frontdesk listening on ${url} (public URL ${config.PUBLIC_URL}${processes})\n`);
  if (isClusterPrimary(config.SERVER_PROCESSES)) {
    // SERVER_PROCESSES copies of this file serve; this process only looks after them (cluster.ts).
    const logger = pino({ level: config.LOG_LEVEL, base: { pid: process.pid } });
    const code = await runPrimary({
      processes: config.SERVER_PROCESSES,
      jobWorker: config.WORKER,
      graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000,
      logger,
      onListening: (url) => listening(url, `, ${config.SERVER_PROCESSES} processes`),
    });
    process.exit(code);
  }
  const server = await startServer(config, { databaseUrl: config.DATABASE_URL });
  superviseProcess(server.logger);
  // A copy's own line would repeat the primary's once per copy.
  if (!isClusterCopy()) listening(server.url);
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
