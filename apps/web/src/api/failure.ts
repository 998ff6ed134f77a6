// The one reader of API failures for every screen: what happened, in words a patient understands,
// and the server's machine-readable reason (docs/api.md) for screens that branch on it.
import { isReason, type FieldErrors, type Reason } from "@frontdesk/domain";
import { TRPCClientError } from "@trpc/client";
import type { Slot } from "./types";

type Refusal<K extends string, Extra = object> = { kind: K; message: string; reason?: Reason } & Extra;

export type Failure =
  | Refusal<"conflict", { nextSlots: Slot[] }>
  | Refusal<"invalid", { fieldErrors: FieldErrors }>
  | Refusal<"not-found">
  | Refusal<"refused">
  | Refusal<"rate-limited">
  | Refusal<"network">
  | Refusal<"server", { reference?: string }>;

interface ErrorData {
  code?: string;
  httpStatus?: number;
  reason?: unknown;
  /** By field path ("patient.email"); see FieldErrors. */
  fieldErrors?: Record<string, string[] | undefined>;
  details?: { nextSlots?: unknown };
}

function isSlot(value: unknown): value is Slot {
  if (typeof value !== "object" || value === null) return false;
  const slot = value as Record<string, unknown>;
  return typeof slot.start === "string" && typeof slot.end === "string";
}

export const NETWORK_MESSAGE = "We could not reach the clinic's booking service. Check your connection and try again.";
export const RATE_LIMIT_MESSAGE = "Too many attempts in a short time. Please wait a minute, then try again.";
export const SERVER_MESSAGE = "Something went wrong on our side. Please try again in a moment.";

export function describeFailure(error: unknown): Failure {
  if (!(error instanceof TRPCClientError)) return { kind: "network", message: NETWORK_MESSAGE };
  const data = (error.data ?? undefined) as ErrorData | undefined;
  const reason = isReason(data?.reason) ? data.reason : undefined;
  switch (data?.code) {
    case undefined:
      // No tRPC answer at all: the request never arrived or the answer was not the API's.
      return { kind: "network", message: NETWORK_MESSAGE };
    case "CONFLICT": {
      const next = Array.isArray(data.details?.nextSlots) ? data.details.nextSlots.filter(isSlot) : [];
      return { kind: "conflict", message: error.message, reason, nextSlots: next };
    }
    case "BAD_REQUEST": {
      const fieldErrors: FieldErrors = {};
      for (const [field, messages] of Object.entries(data.fieldErrors ?? {})) if (messages?.length) fieldErrors[field] = messages;
      return { kind: "invalid", message: error.message, reason, fieldErrors };
    }
    case "NOT_FOUND":
      return { kind: "not-found", message: error.message, reason };
    case "UNAUTHORIZED":
    case "FORBIDDEN":
      // The server words these for people ("This invitation was sent to another e-mail address").
      return { kind: "refused", message: error.message, reason };
    case "TOO_MANY_REQUESTS":
      return { kind: "rate-limited", message: RATE_LIMIT_MESSAGE, reason };
    default:
      // The server's message for a 500 carries a request id worth quoting; others are ours to word.
      if (data?.code === "INTERNAL_SERVER_ERROR") {
        const reference = /quote request ([\w.-]+)\.?$/.exec(error.message)?.[1];
        return { kind: "server", message: error.message, reason, ...(reference ? { reference } : {}) };
      }
      return { kind: "server", message: SERVER_MESSAGE, reason };
  }
}

/** A failure in one line, for a form that shows one notice: each field's message, or the message. */
export function summarizeFailure(error: unknown): string {
  const failure = describeFailure(error);
  if (failure.kind === "invalid") {
    const messages = [...new Set(Object.values(failure.fieldErrors).flat())];
    if (messages.length > 0) return messages.join(" ");
  }
  return failure.message;
}

export const WRONG_CREDENTIALS_MESSAGE = "That e-mail address and password do not match an account. Check both and try again.";

/** A failed sign-in, in words: wrong credentials, or how long to wait when throttled. */
export function describeSignInFailure(error: unknown): string {
  const failure = describeFailure(error);
  if (failure.reason === "WRONG_CREDENTIALS") return WRONG_CREDENTIALS_MESSAGE;
  // The server words the wait ("Try again in 5 minutes."), taken from its Retry-After.
  if (failure.reason === "RATE_LIMITED" && error instanceof TRPCClientError) return error.message;
  if (failure.reason === "INVALID_INPUT") return "Enter your e-mail address and your password.";
  return failure.message;
}
