// Real HTTP for tests: the fetch handler on a free port, and a tiny tRPC-over-HTTP client that
// keeps its cookie like a browser.
import { serve } from "@hono/node-server";
import { createFetchHandler } from "../handler";
import { restApi } from "../rest";
import type { ServerDeps } from "../ports";

/** Serves `deps` on a free port. Each server reports its own client address, so per-IP limits stay per test. */
export async function listen(deps: ServerDeps, options: { clientIp?: string } = {}) {
  const ip = options.clientIp ?? `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const handler = createFetchHandler(deps, { clientIp: () => ip, rest: restApi });
  const server = serve({ fetch: handler, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const TEST_ORIGIN = "http://localhost:3000";

export function httpClient(base: string, origin: string = TEST_ORIGIN) {
  let cookie = "";
  const remember = (response: Response) => {
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(";");
      cookie = /Max-Age=0/.test(set) ? "" : pair!;
    }
    return response;
  };
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    mutate: async (path: string, input: unknown, headers: Record<string, string> = { Origin: origin }) =>
      remember(
        await fetch(`${base}/trpc/${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...headers, ...(cookie ? { Cookie: cookie } : {}) },
          body: JSON.stringify(input),
        }),
      ),
    query: async (path: string, input?: unknown) =>
      remember(
        await fetch(`${base}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, {
          headers: cookie ? { Cookie: cookie } : {},
        }),
      ),
  };
}

/** The error a subscription's SSE answer sends as its `serialized-error` event (undefined if none came within 2 s). */
export async function subscriptionError(
  response: Response,
): Promise<{ message?: string; data?: { httpStatus?: number; reason?: string; fieldErrors?: Record<string, string[]> } } | undefined> {
  if (!response.headers.get("content-type")?.includes("text/event-stream")) return (await response.json().catch(() => undefined)) as never;
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const deadline = setTimeout(() => void reader.cancel(), 2000);
  let text = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return undefined;
      text += value;
      const match = /event: serialized-error\ndata: (.*)\n/.exec(text);
      if (match) return JSON.parse(match[1]!) as never;
    }
  } catch {
    return undefined;
  } finally {
    clearTimeout(deadline);
    void reader.cancel().catch(() => undefined);
  }
}
