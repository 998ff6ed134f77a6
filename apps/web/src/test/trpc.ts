// msw handlers for tRPC procedures, written by hand against the wire format (no transformer,
// one request per call: the tests use httpLink). Payloads are typed from the router.
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";
import { http, HttpResponse, type JsonBodyType } from "msw";

/** The value at a dotted path, e.g. At<RouterOutputs, "auth.me">. */
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

export type PublicProcedure = "public.clinic" | "public.slots" | "public.book" | "public.booking.get" | "public.booking.cancel" | "public.booking.reschedule";
export type StaffProcedure = "auth.me" | "auth.signIn" | "auth.signOut" | "auth.switchClinic" | "calendar.range" | "clinic.settings.get";
export type Procedure = PublicProcedure | StaffProcedure;

type OutputOf<P extends Procedure> = At<RouterOutputs, P>;
type InputOf<P extends Procedure> = At<RouterInputs, P>;

const MUTATIONS: ReadonlySet<Procedure> = new Set([
  "public.book",
  "public.booking.cancel",
  "public.booking.reschedule",
  "auth.signIn",
  "auth.signOut",
  "auth.switchClinic",
]);

const ERROR_CODES = {
  BAD_REQUEST: [-32600, 400],
  UNAUTHORIZED: [-32001, 401],
  FORBIDDEN: [-32003, 403],
  NOT_FOUND: [-32004, 404],
  CONFLICT: [-32009, 409],
  TOO_MANY_REQUESTS: [-32029, 429],
  INTERNAL_SERVER_ERROR: [-32603, 500],
} as const;

/** A tRPC error answer, shaped as the server's error formatter sends it. */
export class TrpcErrorAnswer {
  constructor(
    readonly code: keyof typeof ERROR_CODES,
    readonly message: string,
    readonly extra: Record<string, JsonBodyType> = {},
  ) {}
}

export interface Call<P extends Procedure> {
  input: InputOf<P>;
  request: Request;
}

type Answer<P extends Procedure> = OutputOf<P> | TrpcErrorAnswer | Response;
type Resolver<P extends Procedure> = (call: Call<P>) => Answer<P> | Promise<Answer<P>>;

const isMutation = (path: Procedure) => MUTATIONS.has(path);

/** Handles one procedure; `resolve` returns the data, a TrpcErrorAnswer, or a raw Response (e.g. a network error). */
export function procedure<P extends Procedure>(path: P, resolve: Resolver<P>) {
  const method = isMutation(path) ? http.post : http.get;
  return method(`*/trpc/${path}`, async ({ request }) => {
    const input = (
      isMutation(path) ? JSON.parse((await request.text()) || "null") : JSON.parse(new URL(request.url).searchParams.get("input") ?? "null")
    ) as InputOf<P>;
    const answer = await resolve({ input, request });
    if (answer instanceof Response) return answer;
    if (answer instanceof TrpcErrorAnswer) {
      const [jsonCode, httpStatus] = ERROR_CODES[answer.code];
      return HttpResponse.json(
        { error: { message: answer.message, code: jsonCode, data: { code: answer.code, httpStatus, path, ...answer.extra } } },
        { status: httpStatus },
      );
    }
    return HttpResponse.json({ result: { data: answer as JsonBodyType } });
  });
}

/** Records every call of a procedure, for assertions on what the page sent. */
export function recorder<P extends Procedure>() {
  const calls: Array<InputOf<P>> = [];
  return { calls, record: (call: Call<P>) => calls.push(call.input) };
}
