// Which addresses a webhook may be sent to (ADR 0023). Outside tests and development, an endpoint
// must not reach into the server's own network (SSRF): loopback, private, link-local (cloud
// metadata at 169.254.169.254), unique-local and unspecified addresses are refused, both when the
// URL is saved (a literal address or "localhost") and before each attempt (what the name resolves to).

/** Whether an IPv4 or IPv6 literal is an address on the server's side of the network. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").toLowerCase();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224
    );
  }
  if (!ip.includes(":")) return false;
  // IPv4-mapped (::ffff:10.0.0.1, or as URL parsing writes it, ::ffff:a00:1).
  const mapped = /^::ffff:(.+)$/.exec(ip);
  if (mapped) {
    const rest = mapped[1]!;
    if (rest.includes(".")) return isPrivateAddress(rest);
    const [high = "0", low = "0"] = rest.split(":");
    const n = (parseInt(high, 16) << 16) | parseInt(low, 16);
    return isPrivateAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."));
  }
  return ip === "::" || ip === "::1" || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip) || /^ff/.test(ip);
}

const isLocalName = (host: string) => host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal");

/** Why `url` may not receive webhooks here, or null when it may. */
export function targetProblem(url: string, allowPrivateTargets: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter an http:// or https:// address";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "Enter an http:// or https:// address";
  if (allowPrivateTargets) return null;
  const host = parsed.hostname.toLowerCase();
  if (isLocalName(host) || isPrivateAddress(host)) return "This address is inside the server's own network: use a public address";
  return null;
}

/** Looks a host name up (Node's dns.lookup at the entry point); absent, only the URL's text is checked. */
export type ResolveHost = (hostname: string) => Promise<string[]>;
