import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeFailure, describeSignInFailure, summarizeFailure, WRONG_CREDENTIALS_MESSAGE } from "./failure";

/** A failure as the API answers it (see docs/api.md, Errors). */
const answer = (message: string, data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message, code: -32600, data: { path: "x", httpStatus: 400, ...data } } });

describe("describeFailure", () => {
  it("reads the reason and the field errors by path", () => {
    const failure = describeFailure(
      answer("Enter a valid e-mail address", { code: "BAD_REQUEST", reason: "INVALID_INPUT", fieldErrors: { "patient.email": ["Enter a valid e-mail address"], note: [] } }),
    );
    expect(failure).toEqual({ kind: "invalid", message: "Enter a valid e-mail address", reason: "INVALID_INPUT", fieldErrors: { "patient.email": ["Enter a valid e-mail address"] } });
  });

  it("keeps the next free times of a taken slot, and ignores a reason it does not know", () => {
    const taken = describeFailure(answer("That time was just taken", { code: "CONFLICT", reason: "SLOT_TAKEN", details: { nextSlots: [{ start: "a", end: "b" }, { nope: 1 }] } }));
    expect(taken).toMatchObject({ kind: "conflict", reason: "SLOT_TAKEN", nextSlots: [{ start: "a", end: "b" }] });
    expect(describeFailure(answer("No", { code: "CONFLICT", reason: "MADE_UP" })).reason).toBeUndefined();
  });

  it("words what the server did not (network, rate limits, our own failures)", () => {
    expect(describeFailure(new Error("offline")).kind).toBe("network");
    expect(describeFailure(answer("x", { code: "TOO_MANY_REQUESTS", reason: "RATE_LIMITED" })).kind).toBe("rate-limited");
    expect(describeFailure(answer("quote request r-1", { code: "INTERNAL_SERVER_ERROR", reason: "INTERNAL" })).message).toBe("quote request r-1");
  });
});

describe("summarizeFailure", () => {
  it("gives each field's message once, or the message when no field is named", () => {
    expect(summarizeFailure(answer("Some fields need attention", { code: "BAD_REQUEST", fieldErrors: { a: ["Too long"], b: ["Too long", "Not a date"] } }))).toBe("Too long Not a date");
    expect(summarizeFailure(answer("Cannot go from cancelled to arrived", { code: "BAD_REQUEST", reason: "INVALID_TRANSITION" }))).toBe("Cannot go from cancelled to arrived");
  });
});

describe("describeSignInFailure", () => {
  it("branches on the reason, never on the message", () => {
    expect(describeSignInFailure(answer("anything", { code: "UNAUTHORIZED", reason: "WRONG_CREDENTIALS" }))).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(describeSignInFailure(answer("Try again in 5 minutes.", { code: "TOO_MANY_REQUESTS", reason: "RATE_LIMITED" }))).toBe("Try again in 5 minutes.");
  });
});
