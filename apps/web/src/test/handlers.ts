// Test helpers for the account and patient screens: handlers that answer with the input alone
// (the wire format is the shared helper's, src/test/trpc.ts), and fixtures.
import type { RouterOutputs } from "@frontdesk/api";
import { procedure, TrpcErrorAnswer, type InputOf, type OutputOf, type Procedure } from "./trpc";

export type OwnProcedure = Procedure;
type Answer<P extends OwnProcedure> = OutputOf<P> | TrpcErrorAnswer | Response;

/** Handles one procedure: `resolve` gets the decoded input and returns data, a TrpcErrorAnswer or a Response. */
export function handle<P extends OwnProcedure>(path: P, resolve: (input: InputOf<P>) => Answer<P> | Promise<Answer<P>>) {
  return procedure(path, ({ input }) => resolve(input));
}

/** What a procedure was sent, call by call. */
export function calls<P extends OwnProcedure>() {
  const list: Array<InputOf<P>> = [];
  return { list, record: (input: InputOf<P>) => list.push(input) };
}

/** A BAD_REQUEST as the server's error formatter sends a zod failure. */
export function invalid(fieldErrors: Record<string, string[]>, message = "Invalid input") {
  return new TrpcErrorAnswer("BAD_REQUEST", message, { reason: "INVALID_INPUT", fieldErrors });
}

type Device = RouterOutputs["auth"]["sessions"]["list"][number];

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/** This browser (Firefox on Windows) and a phone that signed in earlier. */
export function devices(): Device[] {
  return [
    {
      id: "session-phone",
      current: false,
      userAgent: SAFARI_IPHONE,
      ip: "203.0.113.7",
      createdAt: "2026-02-20T07:00:00.000Z",
      lastSeenAt: "2026-03-01T17:30:00.000Z",
    },
    {
      id: "session-here",
      current: true,
      userAgent: FIREFOX_WINDOWS,
      ip: "198.51.100.2",
      createdAt: "2026-03-02T07:50:00.000Z",
      lastSeenAt: "2026-03-02T08:00:00.000Z",
    },
  ];
}
