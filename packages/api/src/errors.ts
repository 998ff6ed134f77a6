// One mapping from domain and database errors to tRPC errors. Handlers throw the domain errors
// below (or let database errors through); the base procedure converts them, nowhere else. Each
// answer carries a human message and a machine-readable `data.reason` (see REASONS in
// @frontdesk/domain and docs/api.md).
import { PG, postgresErrorCode } from "@frontdesk/db";
import type { Reason } from "@frontdesk/domain";
import { SchedulingInputError } from "@frontdesk/scheduling";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { RaceLostError } from "./booking/race-retry";
import { unavailableMessage, unavailableReason } from "./resilience/errors";

/** A failure a handler means: its tRPC code, its reason, a message for the person, and optional details for the client. */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: TRPC_ERROR_CODE_KEY,
    readonly reason: Reason,
    message: string,
    /** Travel to the client as `error.data.details` (e.g. the next free times). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The thing asked for does not exist in the caller's clinic (another clinic's id looks the same). */
export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  constructor(what: string) {
    super("NOT_FOUND", "NOT_FOUND", `${what} not found`);
  }
}

/** The request is well-formed but collides with the current state; the message is for a receptionist. */
export class ConflictError extends DomainError {
  override name = "ConflictError";
  constructor(message: string, options: { reason: Reason; details?: Record<string, unknown> }) {
    super("CONFLICT", options.reason, message, options.details);
  }
}

/** The request breaks a business rule; the message says which. */
export class RuleError extends DomainError {
  override name = "RuleError";
  constructor(message: string, reason: Reason = "RULE_BROKEN") {
    super("BAD_REQUEST", reason, message);
  }
}

/**
 * Input the schema could only check against stored data (an intake form's questions): the same
 * answer as a failed input parse, INVALID_INPUT with a message per field in `fieldErrors`.
 */
export class InvalidFieldsError extends DomainError {
  override name = "InvalidFieldsError";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super("BAD_REQUEST", "INVALID_INPUT", message);
  }
}

/** The caller is not signed in, or their credentials do not match. */
export class UnauthorizedError extends DomainError {
  override name = "UnauthorizedError";
  constructor(message: string, reason: Reason = "SIGN_IN_REQUIRED") {
    super("UNAUTHORIZED", reason, message);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  override name = "ForbiddenError";
  constructor(message: string, reason: Reason = "FORBIDDEN") {
    super("FORBIDDEN", reason, message);
  }
}

/** Too many attempts; the message says how long to wait. */
export class RateLimitedError extends DomainError {
  override name = "RateLimitedError";
  constructor(message: string) {
    super("TOO_MANY_REQUESTS", "RATE_LIMITED", message);
  }
}

/** Whether `error` is the exclusion constraint refusing a second appointment over the same time. */
export const isSlotTaken = (error: unknown) => postgresErrorCode(error) === PG.exclusionViolation;

/**
 * Database errors that input can cause, as a caller should hear them. The schemas should stop
 * such input first (a log line at warn says one slipped through); these keep it a 4xx anyway.
 */
function fromDatabase(code: string): DomainError | undefined {
  switch (code) {
    case PG.exclusionViolation:
      return new DomainError("CONFLICT", "SLOT_TAKEN", "That time was just taken");
    case PG.uniqueViolation:
      return new DomainError("CONFLICT", "ALREADY_EXISTS", "That already exists");
    case PG.foreignKeyViolation:
      // A reference to a row the clinic does not have, whether it exists elsewhere or not.
      return new DomainError("NOT_FOUND", "REFERENCE_NOT_FOUND", "A referenced record was not found");
    case PG.restrictViolation:
      return new DomainError("CONFLICT", "IN_USE", "That record is still in use");
  }
  // Class 22 (data exception: out of range, bad encoding, NUL in text) and the rest of class 23
  // (not null, check): the value itself was refused.
  if (code.startsWith("22") || code.startsWith("23")) {
    return new DomainError("BAD_REQUEST", "INVALID_VALUE", "One of the values was refused. Check them and try again.");
  }
  return undefined;
}

export function toTRPCError(error: unknown, requestId: string): TRPCError {
  if (error instanceof TRPCError) {
    const cause = error.cause;
    // tRPC wraps what a handler throws in an INTERNAL_SERVER_ERROR whose cause is the original.
    if (error.code === "INTERNAL_SERVER_ERROR" && cause && !(cause instanceof TRPCError)) return toTRPCError(cause, requestId);
    return error;
  }
  if (error instanceof DomainError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (error instanceof SchedulingInputError) return toTRPCError(new RuleError(error.message), requestId);
  // Still losing a race after its retries (deadlock, lock timeout): the time is taken (ADR 0019).
  if (error instanceof RaceLostError) return toTRPCError(new ConflictError(error.message, { reason: "SLOT_TAKEN" }), requestId);
  // Database away or restarting, overload, deadline: 503 with Retry-After (resilience/errors.ts).
  const unavailable = unavailableReason(error);
  if (unavailable) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: unavailableMessage(unavailable), cause: error });
  const code = postgresErrorCode(error);
  const refused = code ? fromDatabase(code) : undefined;
  // The database error stays the cause (for the log line); the domain error is what the client hears.
  if (refused) return new TRPCError({ code: refused.code, message: refused.message, cause: Object.assign(refused, { cause: error }) });
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `Something went wrong on our side. If it persists, quote request ${requestId}.`,
    cause: error,
  });
}

/** The reason a mapped error gives: its domain error's, or one that follows from its tRPC code. */
export function reasonOf(error: TRPCError): Reason {
  if (error.cause instanceof DomainError) return error.cause.reason;
  switch (error.code) {
    case "BAD_REQUEST":
    case "PARSE_ERROR":
    // REST only: a body that is not JSON, or one too large.
    case "UNSUPPORTED_MEDIA_TYPE":
    case "PAYLOAD_TOO_LARGE":
      return "INVALID_INPUT";
    case "UNAUTHORIZED":
      return "SIGN_IN_REQUIRED";
    case "FORBIDDEN":
      return "ROLE_NOT_ALLOWED";
    case "NOT_FOUND":
      return "NOT_FOUND";
    case "TOO_MANY_REQUESTS":
      return "RATE_LIMITED";
    case "SERVICE_UNAVAILABLE":
      return "SERVICE_UNAVAILABLE";
    default:
      return "INTERNAL";
  }
}

/** "insert patients", "select appointments": which statement failed, without its text or parameters. */
function statementName(query: unknown): string | undefined {
  if (typeof query !== "string") return undefined;
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase();
  const table = /\b(?:from|into|update)\s+"?(\w+)"?/i.exec(query)?.[1];
  return verb ? [verb, table].filter(Boolean).join(" ") : undefined;
}

/**
 * What may be logged about an error: its kind, codes, constraint, statement name and stack frames,
 * never its message, SQL text or parameters (Drizzle puts the parameters in its message, and the
 * message is the stack's first lines; the database's message and detail can quote a value).
 */
export function describeForLog(error: unknown): Record<string, unknown> {
  let root = error instanceof TRPCError && error.cause ? error.cause : error;
  // A database error mapped to a domain error keeps the database error as its cause.
  if (root instanceof DomainError && root.cause) root = root.cause;
  const code = postgresErrorCode(root);
  const driver = (root as { cause?: { constraint_name?: unknown; table_name?: unknown } } | null)?.cause;
  const statement = statementName((root as { query?: unknown } | null)?.query);
  return {
    kind: root instanceof Error ? root.name : typeof root,
    ...(code ? { sqlstate: code } : {}),
    ...(typeof driver?.constraint_name === "string" ? { constraint: driver.constraint_name } : {}),
    ...(typeof driver?.table_name === "string" ? { table: driver.table_name } : {}),
    ...(statement ? { statement } : {}),
    stack:
      root instanceof Error
        ? root.stack
            ?.split("\n")
            .filter((line) => /^\s+at /.test(line))
            .slice(0, 5)
            .join("\n")
        : undefined,
  };
}
