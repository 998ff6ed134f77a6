// msw handlers for tRPC procedures, written by hand against the wire format (no transformer,
// one request per call: the tests use httpLink). Any procedure of the router; payloads are typed
// from it. Each area's tests may wrap `procedure` for their own convenience, never copy it.
import type { AppRouter, RouterInputs, RouterOutputs } from "@frontdesk/api";
import { http, HttpResponse, type JsonBodyType } from "msw";

/** The value at a dotted path, e.g. At<RouterOutputs, "auth.me">. */
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** Every procedure's dotted path, from the router's own type ("auth.me", "public.booking.get", …). */
type ProcedurePaths<R, Prefix extends string = ""> = {
  [K in keyof R & string]: R[K] extends { _def: { type: "query" | "mutation" | "subscription" } }
    ? `${Prefix}${K}`
    : R[K] extends object
      ? ProcedurePaths<R[K], `${Prefix}${K}.`>
      : never;
}[keyof R & string];

export type Procedure = ProcedurePaths<AppRouter["_def"]["record"]>;
export type OutputOf<P extends Procedure> = At<RouterOutputs, P>;
export type InputOf<P extends Procedure> = At<RouterInputs, P>;

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

/**
 * Handles one procedure; `resolve` returns the data, a TrpcErrorAnswer, or a raw Response (e.g. a
 * network error). Queries arrive as GET with the input in the URL, mutations as POST with it in
 * the body.
 */
export function procedure<P extends Procedure>(path: P, resolve: Resolver<P>) {
  return http.all(`*/trpc/${path}`, async ({ request }) => {
    const raw = request.method === "POST" ? (await request.text()) || "null" : (new URL(request.url).searchParams.get("input") ?? "null");
    const input = JSON.parse(raw) as InputOf<P>;
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
