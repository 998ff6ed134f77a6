// One reading of API failures for every screen: what happened, in words a patient understands.
import { TRPCClientError } from "@trpc/client";
import type { Slot } from "./types";

export type Failure =
  | { kind: "conflict"; message: string; nextSlots: Slot[] }
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string[]> }
  | { kind: "not-found"; message: string }
  | { kind: "rate-limited"; message: string }
  | { kind: "network"; message: string }
  | { kind: "server"; message: string };

interface ErrorData {
  code?: string;
  httpStatus?: number;
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
  switch (data?.code) {
    case undefined:
      // No tRPC answer at all: the request never arrived or the answer was not the API's.
      return { kind: "network", message: NETWORK_MESSAGE };
    case "CONFLICT": {
      const next = Array.isArray(data.details?.nextSlots) ? data.details.nextSlots.filter(isSlot) : [];
      return { kind: "conflict", message: error.message, nextSlots: next };
    }
    case "BAD_REQUEST": {
      const fieldErrors: Record<string, string[]> = {};
      for (const [field, messages] of Object.entries(data.fieldErrors ?? {})) if (messages?.length) fieldErrors[field] = messages;
      return { kind: "invalid", message: error.message, fieldErrors };
    }
    case "NOT_FOUND":
      return { kind: "not-found", message: error.message };
    case "TOO_MANY_REQUESTS":
      return { kind: "rate-limited", message: RATE_LIMIT_MESSAGE };
    default:
      // The server's message for a 500 carries a request id worth quoting; others are ours to word.
      return { kind: "server", message: data?.code === "INTERNAL_SERVER_ERROR" ? error.message : SERVER_MESSAGE };
  }
}

export const WRONG_CREDENTIALS_MESSAGE = "That e-mail address and password do not match an account. Check both and try again.";

/** A failed sign-in, in words: wrong credentials, or how long to wait when throttled. */
export function describeSignInFailure(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as ErrorData | undefined)?.code;
    if (code === "UNAUTHORIZED") return WRONG_CREDENTIALS_MESSAGE;
    // The server words the wait ("Try again in 5 minutes."), taken from its Retry-After.
    if (code === "TOO_MANY_REQUESTS") return error.message;
    if (code === "BAD_REQUEST") return "Enter your e-mail address and your password.";
  }
  return describeFailure(error).message;
}
