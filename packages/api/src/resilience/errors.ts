// Failures that are nobody's fault and pass: the database is away or restarting, the process is
// overloaded, or a request ran out of time. They answer 503 with Retry-After, never 500.

/** How long a client should wait before trying again, in seconds (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 1;

export type UnavailableReason = "database" | "overloaded" | "deadline";

const MESSAGES: Record<UnavailableReason, string> = {
  database: "The service is briefly unavailable. Please try again in a moment.",
  overloaded: "The service is busy right now. Please try again in a moment.",
  deadline: "The service took too long to answer. Please try again in a moment.",
};

export class ServiceUnavailableError extends Error {
  override name = "ServiceUnavailableError";
  constructor(readonly reason: UnavailableReason) {
    super(MESSAGES[reason]);
  }
}

/**
 * postgres.js's own codes for a connection that could not be opened or was lost, the socket
 * errors beneath them, and the SQLSTATEs of a server that is going away or not there yet:
 * class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up), 53300 (too many
 * connections).
 */
const DRIVER_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const SQLSTATES = /^(08...|57P0[123]|53300)$/;

/** Whether `error` (or what it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (DRIVER_CODES.has(code) || SQLSTATES.test(code))) return true;
  }
  return false;
}

/** What a 503 of that kind tells the person (errors.ts maps the failure; this is only its wording). */
export const unavailableMessage = (reason: UnavailableReason) => MESSAGES[reason];

/**
 * The body of a 503 answered outside tRPC (the deadline, a failure before tRPC runs), shaped like
 * tRPC's own errors so that its clients read the message and code. -32603 is the JSON-RPC code
 * tRPC gives every 5xx.
 */
export function unavailableResponse(reason: UnavailableReason): Response {
  const body = { error: { message: MESSAGES[reason], code: -32603, data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, reason: "SERVICE_UNAVAILABLE" } } };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: { "Content-Type": "application/json", "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

/** Why `error` is a 503, for the answer's message; undefined when it is not one. */
export function unavailableReason(error: unknown): UnavailableReason | undefined {
  if (error instanceof ServiceUnavailableError) return error.reason;
  return isDatabaseUnavailable(error) ? "database" : undefined;
}

/** The client went away before its request was read or answered: nothing to answer, nothing broken. */
export function isClientAbort(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (current.name === "AbortError" || current.message === "aborted" || code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE") return true;
  }
  return false;
}
