// The one fetch handler every runtime serves: `(Request) => Promise<Response>`.
import { readJobQueueStats } from "./jobs/queue";
import { answerCalendarFeed, NOT_FOUND as feedNotFound } from "./calendar-feeds/serve";
import {
  constantTimeStringEqual,
  isCrossSiteRequest,
  readApiKey,
  sha256Hex,
  readDeviceToken,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  sessionCookieName,
  validateSessionToken,
  type SessionRecord,
} from "@frontdesk/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono, type Context, type Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { authenticateApiKey } from "./api-keys/authenticate";
import { answerFromCache } from "./cached-reads";
import { createContext, type ApiKeyCaller } from "./context";
import { describeForLog } from "./errors";
import type { RestApi, ServerDeps } from "./ports";
import { checkReadiness, checkReadinessInDetail } from "./readiness";
import { isClientAbort, unavailableReason, unavailableResponse } from "./resilience/errors";
import { ConnectionGate } from "./resilience/gate";
import { Deadline, guardDatabase, type DatabaseUsage } from "./resilience/guarded-db";
import { baseSecurityHeaders, corsHeaders } from "./security-headers";
import { REST_PREFIX } from "./rest/prefix";
import { appRouter } from "./root";
import { answerMedia } from "./brand/serve";
import { carriesImageUpload, IMAGE_UPLOAD_BODY_MAX, MEDIA_PREFIX } from "./brand/image-url";

/** What the handler learns about one request, shared by its steps and its log line. */
interface RequestState {
  requestId: string;
  ip: string | null;
  session: SessionRecord | null;
  /** A session that still waits for its second factor (it opens nothing else). */
  pendingSession: SessionRecord | null;
  /** Session cookies for tRPC's answer (see the session step). */
  setCookies: string[];
  /** The dependencies as this request sees them: its database obeys its deadline and the gate. */
  deps: ServerDeps;
  /** The API key the request came with (ADR 0028): then its cookies are ignored and CSRF does not apply. */
  apiKey: ApiKeyCaller | null;
}

type Env = { Bindings: { state: RequestState } };

export interface FetchHandlerOptions {
  /** The client's address as the entry point sees it (see clientAddress for a trusted proxy). */
  clientIp?: (request: Request) => string | null;
  /** Other origins whose pages may call the API with the user's cookie (ALLOWED_ORIGINS): CORS and CSRF accept them. */
  allowedOrigins?: readonly string[];
  /** Guards /metrics and /readyz?verbose (METRICS_TOKEN): unset, both are absent (404). */
  metricsToken?: string;
  /** The REST API and its OpenAPI document (`restApi` from @frontdesk/api/rest); absent, they answer 404. */
  rest?: RestApi;
}

/** A bounded label for a path: which part of the server answered (never the path itself: ids, slugs). */
function areaOf(pathname: string): string {
  if (pathname.startsWith("/trpc/")) return "trpc";
  if (pathname.startsWith(`${REST_PREFIX}/`)) return "rest";
  if (pathname === "/healthz" || pathname === "/readyz" || pathname === "/metrics") return "health";
  if (pathname.startsWith("/ical/")) return "ical";
  if (pathname.startsWith("/media/")) return "media";
  return "other";
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** After the request's own deadline, how long its tRPC answer (a proper 503) may still take before a plain one is sent. */
const ANSWER_MARGIN_MS = 500;

export function createFetchHandler(deps: ServerDeps, options: FetchHandlerOptions = {}) {
  const app = new Hono<Env>();
  // One per process: the pool's connections, shared by every request (resilience/gate.ts).
  const gate = deps.resilience ? new ConnectionGate(deps.resilience.gate) : undefined;
  if (gate && deps.resilience) deps.metrics?.watchGate(() => gate.load, deps.resilience.gate.permits);
  deps.metrics?.watchJobQueue?.(() => readJobQueueStats(deps.db));

  // What escapes a step before tRPC (the session lookup, reading the body): one log line, never a
  // raw stack on stderr, and 503 rather than 500 when the database is away.
  app.onError((error, c) => {
    const requestId = c.env.state.requestId;
    const reason = unavailableReason(error);
    if (reason) return unavailableResponse(reason);
    if (isClientAbort(error)) {
      deps.logger.info({ requestId, error: { kind: error.name } }, "client went away");
      // Nobody reads this answer; 499 (nginx's "client closed request") keeps the request log honest.
      return new Response(null, { status: 499 });
    }
    deps.logger.error({ requestId, error: describeForLog(error) }, "request failed");
    return c.json({ error: { message: `Something went wrong on our side. If it persists, quote request ${requestId}.`, code: "INTERNAL_SERVER_ERROR" } }, 500);
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  // For operators only: answered with the token, absent without one (nothing to probe for).
  const operatorOnly = (c: Context<Env>): Response | undefined => {
    if (!options.metricsToken) return c.notFound() as Response;
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    if (!constantTimeStringEqual(sha256Hex(given), sha256Hex(options.metricsToken))) {
      return c.json({ error: { code: "UNAUTHORIZED", reason: "SIGN_IN_REQUIRED", message: "Send the metrics token", requestId: c.env.state.requestId } }, 401);
    }
    return undefined;
  };

  app.get("/metrics", async (c) => {
    if (!deps.metrics) return c.notFound();
    const refused = operatorOnly(c);
    if (refused) return refused;
    const { body, contentType } = await deps.metrics.scrape();
    return c.body(body, 200, { "Content-Type": contentType, "Cache-Control": "no-store" });
  });

  app.get("/readyz", async (c) => {
    if (c.req.query("verbose") !== undefined) {
      const refused = operatorOnly(c);
      if (refused) return refused;
      const detail = await checkReadinessInDetail(c.env.state.deps);
      return c.json({ status: detail.ready ? "ready" : "unavailable", checks: detail.checks }, detail.ready ? 200 : 503, { "Cache-Control": "no-store" });
    }
    const readiness = await checkReadiness(deps.db);
    return readiness.ready ? c.json({ status: "ready" }) : c.json({ status: "unavailable", reason: readiness.reason }, 503);
  });

  // Brand images (ADR 0049): published ones only, cached for good; everything else the same 404.
  app.get(`${MEDIA_PREFIX}/:clinicId/:file`, (c) =>
    answerMedia(c.env.state.deps, c.req.param("clinicId"), c.req.param("file"), c.req.header("if-none-match") ?? null),
  );

  // Calendar subscriptions (ADR 0040): the URL is the credential; every failure is the same 404.
  app.get("/ical/:file", (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".ics")) return feedNotFound();
    return answerCalendarFeed(c.env.state.deps, file.slice(0, -".ics".length), {
      ip: c.env.state.ip,
      ifNoneMatch: c.req.header("if-none-match") ?? null,
      ifModifiedSince: c.req.header("if-modified-since") ?? null,
    });
  });

  const allowedOrigins = options.allowedOrigins ?? [];

  // The REST API's description, built once per process from the procedures (ADR 0027).
  const rest = options.rest;
  let openApiJson: string | undefined;
  app.get("/api/openapi.json", (c) => {
    if (!rest) return c.notFound();
    openApiJson ??= JSON.stringify(rest.document(deps.publicUrl));
    return c.body(openApiJson, 200, { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" });
  });

  // API keys (ADR 0028): a request with `Authorization: Bearer …` is that key's or nobody's. A
  // wrong, revoked or expired key is refused before anything runs, with one answer for all three.
  const apiKeyStep = async (c: Context<Env>, next: Next) => {
    const authorization = c.req.header("authorization") ?? null;
    if (authorization === null || !/^Bearer\s/i.test(authorization)) return next();
    const key = readApiKey(authorization);
    const caller = key ? await authenticateApiKey(c.env.state.deps, key) : null;
    if (!caller) {
      const error = { code: "UNAUTHORIZED", reason: "API_KEY_INVALID", message: "This API key is not valid (unknown, revoked or expired)", requestId: c.env.state.requestId };
      return c.json({ error }, 401, { "WWW-Authenticate": 'Bearer realm="frontdesk"' });
    }
    c.env.state.apiKey = caller;
    return next();
  };
  app.use("/trpc/*", apiKeyStep);
  app.use(`${REST_PREFIX}/*`, apiKeyStep);

  // CORS preflight: answered here, with the CORS headers only for an allowed origin (added below).
  app.options("/trpc/*", () => new Response(null, { status: 204 }));

  // CSRF: a state-changing request must come from our own origin (or an allowed one).
  app.use("/trpc/*", async (c, next) => {
    // A key is not something a browser attaches by itself: another site cannot ride on it.
    if (c.env.state.apiKey) return next();
    if (isCrossSiteRequest(c.req.raw, deps.publicUrl, allowedOrigins)) {
      return c.json({ error: { message: "Cross-site request refused", code: "FORBIDDEN" } }, 403);
    }
    await next();
  });

  // Only on methods that carry a body: asking a GET for its body makes Node build a stream per query.
  // A brand image travels as base64 (ADR 0049): a call (or batch) that holds an upload may carry that much.
  const tooLarge = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: { message: "Request too large", code: "PAYLOAD_TOO_LARGE" } }, 413) });
  const imageTooLarge = bodyLimit({ maxSize: IMAGE_UPLOAD_BODY_MAX, onError: (c) => c.json({ error: { message: "The image is too large", code: "PAYLOAD_TOO_LARGE" } }, 413) });
  app.on(["POST", "PUT", "PATCH", "DELETE"], "/trpc/*", (c, next) => (carriesImageUpload(c.req.path) ? imageTooLarge(c, next) : tooLarge(c, next)));

  // Sessions are resolved (and their cookie renewed) before tRPC runs, which may stream its answer.
  // The cookies wait in a variable for tRPC's answer: a header set on the context now would make
  // Hono re-wrap that answer, turning its body into a stream that Node then copies chunk by chunk.
  app.use("/trpc/*", async (c, next) => {
    // With a key, the cookies are ignored: the call is the key's alone.
    if (c.env.state.apiKey) return next();
    const token = readSessionToken(c.req.header("cookie") ?? null, deps.publicUrl);
    if (token) {
      const now = deps.clock.now();
      const result = await validateSessionToken(c.env.state.deps.db, token, now, deps.sessions);
      if (result?.session.secondFactorPending) {
        c.env.state.pendingSession = result.session;
      } else if (result) {
        c.env.state.session = result.session;
        if (result.renewed) c.env.state.setCookies.push(serializeSessionCookie(token, { publicUrl: deps.publicUrl, expiresAt: result.session.expiresAt, now }));
      } else {
        c.env.state.setCookies.push(serializeBlankSessionCookie(deps.publicUrl));
      }
    }
    await next();
  });

  app.all("/trpc/*", async (c) => {
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      req: c.req.raw,
      router: appRouter,
      createContext: ({ resHeaders }) =>
        createContext({
          deps: c.env.state.deps,
          session: c.env.state.session,
          pendingSession: c.env.state.pendingSession,
          deviceToken: c.env.state.apiKey ? null : readDeviceToken(c.req.header("cookie") ?? null, deps.publicUrl),
          apiKey: c.env.state.apiKey,
          requestId: c.env.state.requestId,
          ip: c.env.state.ip,
          userAgent: c.req.header("user-agent")?.slice(0, 256) ?? null,
          responseHeaders: resHeaders,
        }),
    });
    // The session cookies from above join tRPC's answer, in place, unless a procedure (sign-in,
    // sign-out) set the session cookie itself: browsers apply Set-Cookie headers in order, so a
    // renewal or clearing of the cookie the request came with would undo the procedure's.
    const name = `${sessionCookieName(deps.publicUrl)}=`;
    const procedureSetSession = response.headers.getSetCookie().some((cookie) => cookie.startsWith(name));
    if (!procedureSetSession) for (const cookie of c.env.state.setCookies) response.headers.append("Set-Cookie", cookie);
    return response;
  });

  app.on(
    ["POST", "PUT", "PATCH", "DELETE"],
    `${REST_PREFIX}/*`,
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: { code: "PAYLOAD_TOO_LARGE", reason: "INVALID_INPUT", message: "Request too large", requestId: (c as Context<Env>).env.state.requestId } }, 413) }),
  );

  // Server-to-server: no session cookie is read here, so there is nothing for CSRF to protect.
  app.all(`${REST_PREFIX}/*`, (c) =>
    !rest ? c.notFound() : rest.answer(
      c.req.raw,
      createContext({
        deps: c.env.state.deps,
        requestId: c.env.state.requestId,
        ip: c.env.state.ip,
        userAgent: c.req.header("user-agent")?.slice(0, 256) ?? null,
        apiKey: c.env.state.apiKey,
      }),
    ),
  );

  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    const url = new URL(request.url);
    const given = request.headers.get("x-request-id");
    // A live feed (SSE) is meant to stay open: it has no deadline; each of its reads passes the gate.
    const live = request.headers.get("accept")?.includes("text/event-stream") ?? false;
    const deadline = deps.resilience && !live ? Deadline.in(deps.resilience.requestDeadlineMs) : undefined;
    const usage: DatabaseUsage = { transactions: 0, waitMs: 0, heldMs: 0 };
    const state: RequestState = {
      requestId: given && REQUEST_ID.test(given) ? given : crypto.randomUUID(),
      ip: options.clientIp?.(request) ?? null,
      session: null,
      pendingSession: null,
      setCookies: [],
      apiKey: null,
      deps: gate || deadline ? { ...deps, db: guardDatabase(deps.db, { gate, deadline, usage }) } : deps,
    };
    const answer = async () => {
      // A failure here is met again on the full path, which answers it properly.
      const cached = await answerFromCache(state.deps, request, url, state.ip).catch((error: unknown) => {
        deps.logger.warn({ requestId: state.requestId, error: describeForLog(error) }, "cached read failed: taking the full path");
        return undefined;
      });
      return cached ?? (await app.fetch(request, { state }));
    };
    let status = 500;
    try {
      // The last word on the deadline, for work that waits on something other than a transaction.
      const response = deadline
        ? await Deadline.in(deadline.remainingMs + ANSWER_MARGIN_MS)
            .race(answer())
            .catch((error: unknown) => {
              if (unavailableReason(error) !== "deadline") throw error;
              return unavailableResponse("deadline");
            })
        : await answer();
      status = response.status;
      deps.metrics?.requestAnswered(areaOf(url.pathname), status);
      // On the answer's own headers: wrapping it in a new Response would stream its body.
      response.headers.set("X-Request-Id", state.requestId);
      for (const [name, value] of Object.entries({ ...baseSecurityHeaders(deps.publicUrl), ...corsHeaders(request, allowedOrigins) })) {
        if (name === "Vary") response.headers.append(name, value);
        else response.headers.set(name, value);
      }
      return response;
    } finally {
      // One log line per request, even one that failed past Hono; ids and codes only, never
      // patient data, bodies or tokens.
      const procedure = url.pathname.startsWith("/trpc/") ? url.pathname.slice("/trpc/".length) : undefined;
      deps.logger.info(
        {
          requestId: state.requestId,
          method: request.method,
          // A calendar feed's path is its credential: never logged.
          path: procedure !== undefined ? "/trpc" : url.pathname.startsWith("/ical/") ? "/ical/…" : url.pathname,
          procedure,
          status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          // Where the time went: waiting for a pooled connection (the gate), then holding one.
          db: usage.transactions > 0 || usage.waitMs > 0 ? { transactions: usage.transactions, waitMs: Math.round(usage.waitMs * 10) / 10, heldMs: Math.round(usage.heldMs * 10) / 10 } : undefined,
          userId: state.session?.userId,
          apiKeyId: state.apiKey?.id,
          clinicId: state.apiKey?.clinicId ?? state.session?.activeClinicId ?? undefined,
        },
        "request",
      );
    }
  };
}
