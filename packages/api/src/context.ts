import type { SessionRecord } from "@frontdesk/auth";
import type { ServerDeps } from "./ports";

/** Everything a procedure may use. Built from plain values, so tests build it without HTTP. */
export interface Context {
  deps: ServerDeps;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The valid session of this request, resolved (and renewed) before tRPC runs. */
  session: SessionRecord | null;
  /** Headers added to the response (Set-Cookie, Retry-After). */
  responseHeaders: Headers;
}

export interface CreateContextOptions {
  deps: ServerDeps;
  session?: SessionRecord | null;
  requestId?: string;
  ip?: string | null;
  userAgent?: string | null;
  responseHeaders?: Headers;
}

export function createContext(options: CreateContextOptions): Context {
  return {
    deps: options.deps,
    session: options.session ?? null,
    requestId: options.requestId ?? crypto.randomUUID(),
    ip: options.ip ?? null,
    userAgent: options.userAgent ?? null,
    responseHeaders: options.responseHeaders ?? new Headers(),
  };
}
