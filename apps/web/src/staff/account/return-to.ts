// Where to go back to after signing in. Only a path inside this app's staff area is honoured:
// a link like /app/sign-in?redirect=https://evil.example must not turn our sign-in page into a
// phishing relay (an "open redirect").

// Any origin would do: it only anchors relative parsing, and is compared to what comes out.
const ANCHOR = "https://frontdesk.invalid";
const STAFF_AREA = /^\/app(\/|$)/;
/** Pages that lead back to signing in: returning there after signing in would go round in circles. */
const ENTRY_PAGES = /^\/app\/(sign-in|sign-up)\/?$/;

/** The path (with its query and fragment) to return to, or null when it is not a safe staff path. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return null;
  // Browsers read "\" as "/" and ignore tabs and newlines in URLs: "/\evil.example" is another host.
  if (!value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, ANCHOR);
  } catch {
    return null;
  }
  if (url.origin !== ANCHOR) return null;
  // Judge the path as the browser will resolve it ("/app/../admin" is "/admin").
  if (!STAFF_AREA.test(url.pathname) || ENTRY_PAGES.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The search of a page that passes a return path on (sign-in, sign-up), dropping anything unsafe. */
export interface ReturnToSearch {
  redirect?: string | undefined;
}

export function readReturnToSearch(search: Record<string, unknown>): ReturnToSearch {
  // Say `undefined` outright: the router lays a route's search over the raw query, so a key left
  // out would let the unsafe value through.
  return { redirect: safeReturnPath(search.redirect) ?? undefined };
}
