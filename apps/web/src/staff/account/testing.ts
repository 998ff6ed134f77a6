// msw handlers for the staff procedures the shared helper (src/test/trpc.ts) does not list:
// patients, sessions, sign-up, clinics and invitations. Same wire format (httpLink, no
// transformer), payloads typed from the router; errors reuse the shared TrpcErrorAnswer.
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { TrpcErrorAnswer } from "../../test/trpc";

type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type Query = "patients.search" | "patients.get" | "auth.sessions.list" | "clinics.slugAvailable";
const MUTATIONS = [
  "patients.update",
  "patients.archive",
  "auth.sessions.revoke",
  "auth.changePassword",
  "auth.signUp",
  "clinics.create",
  "clinic.staff.accept",
] as const;

export type OwnProcedure = Query | (typeof MUTATIONS)[number];

const STATUS: Record<TrpcErrorAnswer["code"], [number, number]> = {
  BAD_REQUEST: [-32600, 400],
  UNAUTHORIZED: [-32001, 401],
  FORBIDDEN: [-32003, 403],
  NOT_FOUND: [-32004, 404],
  CONFLICT: [-32009, 409],
  TOO_MANY_REQUESTS: [-32029, 429],
  INTERNAL_SERVER_ERROR: [-32603, 500],
};

type Answer<P extends OwnProcedure> = At<RouterOutputs, P> | TrpcErrorAnswer | Response;

/** Handles one procedure: `resolve` gets the decoded input and returns data, a TrpcErrorAnswer or a Response. */
export function handle<P extends OwnProcedure>(path: P, resolve: (input: At<RouterInputs, P>) => Answer<P> | Promise<Answer<P>>) {
  const isMutation = (MUTATIONS as readonly string[]).includes(path);
  return (isMutation ? http.post : http.get)(`*/trpc/${path}`, async ({ request }) => {
    const raw = isMutation ? (await request.text()) || "null" : (new URL(request.url).searchParams.get("input") ?? "null");
    const answer = await resolve(JSON.parse(raw) as At<RouterInputs, P>);
    if (answer instanceof Response) return answer;
    if (answer instanceof TrpcErrorAnswer) {
      const [code, httpStatus] = STATUS[answer.code];
      return HttpResponse.json(
        { error: { message: answer.message, code, data: { code: answer.code, httpStatus, path, ...answer.extra } } },
        { status: httpStatus },
      );
    }
    return HttpResponse.json({ result: { data: answer as JsonBodyType } });
  });
}

/** What a procedure was sent, call by call. */
export function calls<P extends OwnProcedure>() {
  const list: Array<At<RouterInputs, P>> = [];
  return { list, record: (input: At<RouterInputs, P>) => list.push(input) };
}

/** A BAD_REQUEST as the server's error formatter sends a zod failure. */
export function invalid(fieldErrors: Record<string, string[]>, message = "Invalid input") {
  return new TrpcErrorAnswer("BAD_REQUEST", message, { fieldErrors });
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
