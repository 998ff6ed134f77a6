// One mapping from domain and database errors to tRPC errors. Handlers throw the domain errors
// below (or let database errors through); the base procedure converts them, nowhere else.
import { PG, postgresErrorCode } from "@frontdesk/db";
import { SchedulingInputError } from "@frontdesk/scheduling";
import { TRPCError } from "@trpc/server";
import { RaceLostError } from "./booking/race-retry";
import { unavailableAsTRPCError } from "./resilience/errors";

/** The thing asked for does not exist in the caller's clinic (another clinic's id looks the same). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(what: string) {
    super(`${what} not found`);
  }
}

/**
 * The request is well-formed but collides with the current state; the message is for a
 * receptionist. `details` travel to the client as `error.data.details` (e.g. the next free times).
 */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The request breaks a business rule; the message says which. */
export class RuleError extends Error {
  override name = "RuleError";
}

/** Not signed in, or credentials (password, code, link) that do not open anything. */
export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
}

/** Signed in, but this account may not do it (another address's invitation, a clinic's MFA policy). */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** Too many attempts (sign-in, codes): the handler also sets Retry-After. */
export class TooManyAttemptsError extends Error {
  override name = "TooManyAttemptsError";
}

export function toTRPCError(error: unknown, requestId: string): TRPCError {
  if (error instanceof TRPCError) {
    const cause = error.cause;
    // tRPC wraps what a handler throws in an INTERNAL_SERVER_ERROR whose cause is the original.
    if (error.code === "INTERNAL_SERVER_ERROR" && cause && !(cause instanceof TRPCError)) return toTRPCError(cause, requestId);
    return error;
  }
  if (error instanceof NotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message });
  if (error instanceof ConflictError) return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  if (error instanceof RuleError) return new TRPCError({ code: "BAD_REQUEST", message: error.message });
  if (error instanceof UnauthorizedError) return new TRPCError({ code: "UNAUTHORIZED", message: error.message });
  if (error instanceof ForbiddenError) return new TRPCError({ code: "FORBIDDEN", message: error.message });
  if (error instanceof TooManyAttemptsError) return new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message });
  if (error instanceof SchedulingInputError) return new TRPCError({ code: "BAD_REQUEST", message: error.message });
  // Database away or restarting, overload, deadline: 503 with Retry-After (resilience/errors.ts).
  const unavailable = unavailableAsTRPCError(error);
  if (unavailable) return unavailable;
  if (error instanceof RaceLostError) return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  switch (postgresErrorCode(error)) {
    case PG.exclusionViolation:
      return new TRPCError({ code: "CONFLICT", message: "That time was just taken", cause: error });
    case PG.uniqueViolation:
      return new TRPCError({ code: "CONFLICT", message: "That already exists", cause: error });
    case PG.foreignKeyViolation:
      // A reference to a row the clinic does not have, whether it exists elsewhere or not.
      return new TRPCError({ code: "NOT_FOUND", message: "A referenced record was not found", cause: error });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `Something went wrong on our side. If it persists, quote request ${requestId}.`,
    cause: error,
  });
}

/** What may be logged about an error: its kind and codes, never its message (it can quote patient data). */
export function describeForLog(error: unknown): Record<string, unknown> {
  const root = error instanceof TRPCError && error.cause ? error.cause : error;
  const code = postgresErrorCode(root);
  const constraint = (root as { cause?: { constraint_name?: unknown } } | null)?.cause?.constraint_name;
  return {
    kind: root instanceof Error ? root.name : typeof root,
    ...(code ? { sqlstate: code } : {}),
    ...(typeof constraint === "string" ? { constraint } : {}),
    stack: root instanceof Error ? root.stack?.split("\n").slice(1, 6).join("\n") : undefined,
  };
}
