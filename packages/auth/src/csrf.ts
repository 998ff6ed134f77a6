// DESIGN 6: a state-changing request must prove it comes from our own pages. Browsers set Origin
// and Sec-Fetch-Site themselves (scripts cannot forge them), so another site's form or fetch fails
// here even though SameSite=Lax cookies would not stop every case (e.g. a sibling subdomain).
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when the request changes state and carries neither our Origin (or one of `alsoAllowed`,
 * the deployment's trusted cross-origin clients) nor Sec-Fetch-Site: same-origin: answer 403.
 */
export function isCrossSiteRequest(request: Request, publicOrigin: string, alsoAllowed: readonly string[] = []): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin !== null && (origin === new URL(publicOrigin).origin || alsoAllowed.includes(origin))) return false;
  return request.headers.get("sec-fetch-site") !== "same-origin";
}
