// /api/v1/*: the procedures that declare a REST route, served by trpc-to-openapi (ADR 0027), with
// every failure reshaped into the one documented Error answer.
import { fieldErrorsOf, isReason } from "@frontdesk/domain";
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import type { Context } from "../context";
import { appRouter } from "../root";
import { invalidInputMessage } from "../trpc";
import { REST_PREFIX } from "./prefix";

interface GeneratorErrorBody {
  message?: string;
  code?: string;
  issues?: Array<{ path: PropertyKey[]; message: string }>;
  data?: { code?: string; reason?: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };
}

/** The library's error body (our error formatter's shape, with its own message over it for bad input) as the documented one. */
async function reshapeError(response: Response, requestId: string): Promise<Response> {
  const body = (await response.json().catch(() => ({}))) as GeneratorErrorBody;
  const fieldErrors = body.data?.fieldErrors ?? (body.issues ? fieldErrorsOf({ issues: body.issues }) : undefined);
  const error = {
    code: body.data?.code ?? body.code ?? "INTERNAL_SERVER_ERROR",
    reason: isReason(body.data?.reason) ? body.data.reason : "INTERNAL",
    message: body.issues ? invalidInputMessage(body.issues) : (body.message ?? "Something went wrong on our side"),
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(body.data?.details ? { details: body.data.details } : {}),
    requestId,
  };
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify({ error }), { status: response.status, headers });
}

/** Answers one /api/v1 request; `context` is the request's tRPC context (never a session: cookies are ignored here). */
export async function answerRest(request: Request, context: Context): Promise<Response> {
  const response = await createOpenApiFetchHandler({
    endpoint: REST_PREFIX,
    req: request,
    router: appRouter,
    createContext: () => context,
  });
  for (const [name, value] of context.responseHeaders) if (name.toLowerCase() !== "set-cookie") response.headers.set(name, value);
  response.headers.delete("set-cookie");
  return response.status >= 400 ? reshapeError(response, context.requestId) : response;
}
