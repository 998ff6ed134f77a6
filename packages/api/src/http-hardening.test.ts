// HTTP hardening of the API (ADR 0017): security headers on every answer, cross-origin clients
// from ALLOWED_ORIGINS only, and the client's address behind a trusted proxy.
import { serve } from "@hono/node-server";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { createFetchHandler } from "./handler";
import { clientAddress, httpsRedirect } from "./security-headers";
import { createTestDeps } from "./testing";

const { db, close } = connectAsApp();
afterAll(() => close());
const running: Array<() => void> = [];
afterEach(() => running.splice(0).forEach((stop) => stop()));

const PARTNER = "https://partner.example";

async function listen(publicUrl = "http://localhost:3000") {
  const { deps } = createTestDeps(db, { publicUrl });
  const server = serve({ fetch: createFetchHandler(deps, { allowedOrigins: [PARTNER] }), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  running.push(() => server.close());
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

describe("API answers", () => {
  it("carry nosniff and no-referrer, and HSTS only when the public URL is https", async () => {
    const plain = await fetch(`${await listen()}/trpc/auth.me`);
    expect(plain.headers.get("x-content-type-options")).toBe("nosniff");
    expect(plain.headers.get("referrer-policy")).toBe("no-referrer");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = await fetch(`${await listen("https://book.example.test")}/healthz`);
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("cross-origin clients", () => {
  it("an allowed origin gets CORS headers on the preflight and the call, and passes the CSRF check", async () => {
    const base = await listen();
    const preflight = await fetch(`${base}/trpc/auth.signOut`, { method: "OPTIONS", headers: { Origin: PARTNER, "Access-Control-Request-Method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    const call = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { Origin: PARTNER, "Content-Type": "application/json" }, body: "{}" });
    expect(call.status).toBe(200);
    expect(call.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(call.headers.get("vary")).toContain("Origin");
  });

  it("any other origin gets no CORS headers and is refused on state changes", async () => {
    const base = await listen();
    const preflight = await fetch(`${base}/trpc/auth.signOut`, { method: "OPTIONS", headers: { Origin: "https://evil.example" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const call = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { Origin: "https://evil.example", "Content-Type": "application/json" }, body: "{}" });
    expect(call.status).toBe(403);
    expect(call.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("behind a proxy", () => {
  const request = (headers: Record<string, string>) => new Request("http://internal:3000/app?x=1", { headers });

  it("takes the proxy's X-Forwarded-For entry only when TRUST_PROXY is on", () => {
    const forwarded = request({ "X-Forwarded-For": "203.0.113.9, 198.51.100.20" });
    expect(clientAddress(forwarded, "10.0.0.2", true)).toBe("198.51.100.20");
    expect(clientAddress(forwarded, "10.0.0.2", false)).toBe("10.0.0.2");
    expect(clientAddress(request({ "X-Forwarded-For": "not an address; drop table" }), "10.0.0.2", true)).toBe("10.0.0.2");
    expect(clientAddress(request({}), "10.0.0.2", true)).toBe("10.0.0.2");
  });

  it("redirects the proxy's plain-http requests to the https public URL", () => {
    expect(httpsRedirect(request({ "X-Forwarded-Proto": "http" }), "https://book.example.test", true)).toBe("https://book.example.test/app?x=1");
    expect(httpsRedirect(request({ "X-Forwarded-Proto": "https" }), "https://book.example.test", true)).toBeNull();
    expect(httpsRedirect(request({ "X-Forwarded-Proto": "http" }), "https://book.example.test", false)).toBeNull();
  });

  it("reads TRUST_PROXY and ALLOWED_ORIGINS from the environment, refusing what is not an origin", () => {
    const config = parseConfig({ TRUST_PROXY: "on", ALLOWED_ORIGINS: "https://a.example, https://b.example:8443" });
    expect([config.TRUST_PROXY, config.ALLOWED_ORIGINS]).toEqual(["on", ["https://a.example", "https://b.example:8443"]]);
    expect(parseConfig({}).ALLOWED_ORIGINS).toEqual([]);
    expect(() => parseConfig({ ALLOWED_ORIGINS: "https://a.example/path" })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => parseConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
