import type { SessionRecord } from "@frontdesk/auth";
import type { ApiKeyScope } from "@frontdesk/domain";
import type { ServerDeps } from "./ports";

/** The API key a request came with, checked (known, not revoked, not expired): ADR 0028. */
export interface ApiKeyCaller {
  id: string;
  clinicId: string;
  scopes: readonly ApiKeyScope[];
}

/** Everything a procedure may use. Built from plain values, so tests build it without HTTP. */
export interface Context {
  deps: ServerDeps;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The valid session of this request, resolved (and renewed) before tRPC runs. */
  session: SessionRecord | null;
  /** A session waiting for its second factor (password or code accepted): only auth.mfa.verify uses it. */
  pendingSession: SessionRecord | null;
  /** The remembered-device cookie's token, if the browser sent one. */
  deviceToken: string | null;
  /** Headers added to the response (Set-Cookie, Retry-After). */
  responseHeaders: Headers;
  /** Set when the request came with `Authorization: Bearer fdk_…`; its cookies were ignored. */
  apiKey: ApiKeyCaller | null;
}

export interface CreateContextOptions {
  deps: ServerDeps;
  session?: SessionRecord | null;
  pendingSession?: SessionRecord | null;
  deviceToken?: string | null;
  requestId?: string;
  ip?: string | null;
  userAgent?: string | null;
  responseHeaders?: Headers;
  apiKey?: ApiKeyCaller | null;
}

export function createContext(options: CreateContextOptions): Context {
  return {
    deps: options.deps,
    session: options.session ?? null,
    pendingSession: options.pendingSession ?? null,
    deviceToken: options.deviceToken ?? null,
    requestId: options.requestId ?? crypto.randomUUID(),
    ip: options.ip ?? null,
    userAgent: options.userAgent ?? null,
    responseHeaders: options.responseHeaders ?? new Headers(),
    apiKey: options.apiKey ?? null,
  };
}
