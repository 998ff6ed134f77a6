// msw handlers for tRPC procedures, written by hand against the wire format (no transformer,
// one request per call: the tests use httpLink). Payloads are typed from the router.
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";
import { http, HttpResponse, type JsonBodyType } from "msw";

type Outputs = RouterOutputs["public"];
type Inputs = RouterInputs["public"];

export type PublicProcedure = "public.clinic" | "public.slots" | "public.book" | "public.booking.get" | "public.booking.cancel" | "public.booking.reschedule";

type OutputOf<P extends PublicProcedure> = P extends "public.clinic"
  ? Outputs["clinic"]
  : P extends "public.slots"
    ? Outputs["slots"]
    : P extends "public.book"
      ? Outputs["book"]
      : P extends "public.booking.get"
        ? Outputs["booking"]["get"]
        : P extends "public.booking.cancel"
          ? Outputs["booking"]["cancel"]
          : Outputs["booking"]["reschedule"];

type InputOf<P extends PublicProcedure> = P extends "public.clinic"
  ? Inputs["clinic"]
  : P extends "public.slots"
    ? Inputs["slots"]
    : P extends "public.book"
      ? Inputs["book"]
      : P extends "public.booking.get"
        ? Inputs["booking"]["get"]
        : P extends "public.booking.cancel"
          ? Inputs["booking"]["cancel"]
          : Inputs["booking"]["reschedule"];

const ERROR_CODES = {
  BAD_REQUEST: [-32600, 400],
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

export interface Call<P extends PublicProcedure> {
  input: InputOf<P>;
  request: Request;
}

type Answer<P extends PublicProcedure> = OutputOf<P> | TrpcErrorAnswer | Response;
type Resolver<P extends PublicProcedure> = (call: Call<P>) => Answer<P> | Promise<Answer<P>>;

const isMutation = (path: PublicProcedure) => path === "public.book" || path === "public.booking.cancel" || path === "public.booking.reschedule";

/** Handles one procedure; `resolve` returns the data, a TrpcErrorAnswer, or a raw Response (e.g. a network error). */
export function procedure<P extends PublicProcedure>(path: P, resolve: Resolver<P>) {
  const method = isMutation(path) ? http.post : http.get;
  return method(`*/trpc/${path}`, async ({ request }) => {
    const input = (
      isMutation(path) ? await request.json() : JSON.parse(new URL(request.url).searchParams.get("input") ?? "null")
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
export function recorder<P extends PublicProcedure>() {
  const calls: Array<InputOf<P>> = [];
  return { calls, record: (call: Call<P>) => calls.push(call.input) };
}
