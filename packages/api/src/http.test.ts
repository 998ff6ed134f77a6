// The API over real HTTP: cookies, CSRF, session expiry and revocation, throttling, readiness,
// errors and logs, as a browser or a script sees them.
import { createServer, Socket, type Server } from "node:net";
import { createDb } from "@frontdesk/db";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import "@frontdesk/db/testing";
import type { ServerDeps } from "./ports";
import { createTestDeps, mailedCode } from "./testing";
import { httpClient, listen as listenForTest, TEST_ORIGIN } from "./testing/http";

const { db, close } = connectAsApp();
afterAll(() => close());

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (running.length) await running.pop()!();
});

/** Serves `deps` on a free port until the end of the test; returns its base URL. */
async function listen(deps: ServerDeps): Promise<string> {
  const server = await listenForTest(deps);
  running.push(server.close);
  return server.base;
}

const ORIGIN = TEST_ORIGIN;
const client = httpClient;
const PASSWORD = "correct horse battery";
const newEmail = () => `http-${crypto.randomUUID().slice(0, 8)}@example.test`;

/** A browser that signed up and confirmed its address with the mailed code (the answer that set its cookie is `response`). */
async function signedUp(base: string, deps: ReturnType<typeof createTestDeps>["deps"], origin = ORIGIN) {
  const browser = client(base, origin);
  const email = newEmail();
  expect((await browser.mutate("auth.signUp", { name: "Web User", email, password: PASSWORD })).status).toBe(200);
  const response = await browser.mutate("auth.verifyEmail", { email, code: mailedCode(deps.mailer, email) });
  expect(response.status).toBe(200);
  return { browser, email, response };
}

const me = async (browser: ReturnType<typeof client>) => ((await (await browser.query("auth.me")).json()) as { result: { data: unknown } }).result.data;

describe("cookies", () => {
  it("are HttpOnly, SameSite=Lax, Path=/ and not Secure on plain http", async () => {
    const { deps } = createTestDeps(db);
    const { response } = await signedUp(await listen(deps), deps);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("frontdesk_session="))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("are Secure with the __Host- prefix when PUBLIC_URL is https", async () => {
    const { deps } = createTestDeps(db, { publicUrl: "https://book.example.test" });
    const { response } = await signedUp(await listen(deps), deps, "https://book.example.test");
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^__Host-frontdesk_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe("CSRF", () => {
  it("refuses a state change without our Origin, and accepts same-origin requests", async () => {
    const { deps } = createTestDeps(db);
    const base = await listen(deps);
    const input = { name: "A", email: newEmail(), password: PASSWORD };
    expect((await client(base).mutate("auth.signUp", input, {})).status).toBe(403);
    expect((await client(base).mutate("auth.signUp", input, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await client(base).mutate("auth.signUp", input, { Origin: "null" })).status).toBe(403);
    expect((await client(base).mutate("auth.signUp", input, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await client(base).mutate("auth.signUp", input, { "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
  });

  it("lets reads through without an Origin (queries never change state)", async () => {
    const { deps } = createTestDeps(db);
    expect((await client(await listen(deps)).query("auth.me")).status).toBe(200);
  });
});

describe("session lifetime", () => {
  it("ends after the inactivity timeout", async () => {
    const { deps, clock } = createTestDeps(db);
    const { browser } = await signedUp(await listen(deps), deps);
    clock.advance(11 * 60 * 60_000);
    expect(await me(browser)).not.toBeNull();
    clock.advance(12 * 60 * 60_000 + 1);
    expect(await me(browser)).toBeNull();
    expect(browser.cookie).toBe("");
  });

  it("ends at the absolute lifetime even when used every few hours", async () => {
    const { deps, clock } = createTestDeps(db);
    const { browser } = await signedUp(await listen(deps), deps);
    let alive = 0;
    for (let hours = 0; hours < 30 * 24 + 12; hours += 6) {
      clock.advance(6 * 60 * 60_000);
      if ((await me(browser)) !== null) alive += 6;
      else break;
    }
    expect(alive).toBeGreaterThanOrEqual(29 * 24);
    expect(alive).toBeLessThan(30 * 24);
  });

  it("renews the cookie at most once an hour", async () => {
    const { deps, clock } = createTestDeps(db);
    const { browser } = await signedUp(await listen(deps), deps);
    clock.advance(30 * 60_000);
    expect((await browser.query("auth.me")).headers.getSetCookie()).toEqual([]);
    clock.advance(31 * 60_000);
    expect((await browser.query("auth.me")).headers.getSetCookie()).toHaveLength(1);
  });

  it("is dead after sign-out, even if the old cookie is replayed", async () => {
    const { deps } = createTestDeps(db);
    const { browser } = await signedUp(await listen(deps), deps);
    const stolen = browser.cookie;
    await browser.mutate("auth.signOut", undefined);
    browser.cookie = stolen;
    expect(await me(browser)).toBeNull();
  });

  it("refuses a cookie whose secret was tampered with", async () => {
    const { deps } = createTestDeps(db);
    const { browser } = await signedUp(await listen(deps), deps);
    const [name, token] = browser.cookie.split("=");
    browser.cookie = `${name}=${token!.slice(0, -3)}${token!.slice(-3) === "aaa" ? "bbb" : "aaa"}`;
    expect(await me(browser)).toBeNull();
  });
});

describe("throttling", () => {
  it("answers 429 with Retry-After after repeated failures", async () => {
    const { deps } = createTestDeps(db);
    const base = await listen(deps);
    const email = newEmail();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const response = await client(base).mutate("auth.signIn", { email, password: `wrong password ${i}` });
      statuses.push(response.status);
      retryAfter = response.headers.get("retry-after");
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

/** A TCP relay to the test database that can be cut and restored, to play an outage. */
async function relayToDatabase() {
  const target = new URL(inject("database").appUrl);
  const database = { host: target.hostname, port: Number(target.port) };
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((inbound) => {
        const outbound = new Socket();
        outbound.connect(database.port, database.host);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on("error", () => undefined);
          s.on("close", () => sockets.delete(s));
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, "127.0.0.1", () => {
        const address = server!.address();
        port = typeof address === "object" && address ? address.port : 0;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  await open();
  target.port = String(port);
  return { url: target.toString(), cut, restore: open };
}

describe("/readyz and /healthz", () => {
  it("turns 503 with a reason while the database is unreachable, and 200 when it is back", async () => {
    const relay = await relayToDatabase();
    const relayed = createDb(relay.url, { max: 2 });
    running.push(() => relayed.close());
    const { deps } = createTestDeps(relayed.db);
    const base = await listen(deps);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await relay.cut();
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await relay.restore();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});

describe("errors and logs", () => {
  // The database going away is not our bug: 503 with Retry-After (resilience/errors.ts), not 500.
  it("answers an unreachable database with 503, Retry-After, a request id and no internals", async () => {
    const relay = await relayToDatabase();
    const relayed = createDb(relay.url, { max: 1 });
    running.push(() => relayed.close());
    const { deps, logger } = createTestDeps(relayed.db);
    const base = await listen(deps);
    await relay.cut();
    const response = await client(base).mutate("auth.signIn", { email: newEmail(), password: PASSWORD }, { Origin: ORIGIN, "X-Request-Id": "req-12345678" });
    const body = JSON.stringify(await response.json());
    await relay.restore();
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("1");
    expect(response.headers.get("X-Request-Id")).toBe("req-12345678");
    expect(body).toContain("briefly unavailable");
    expect(body).not.toMatch(/ECONNREFUSED|ECONNRESET|postgres|select|stack|at \//i);
    expect(logger.lines.some((l) => l.message === "request" && l.fields.status === 503 && l.fields.requestId === "req-12345678")).toBe(true);
  });

  it("logs one line per request with ids and status, and never an e-mail, password or token", async () => {
    const { deps, logger } = createTestDeps(db);
    const base = await listen(deps);
    const { browser, email } = await signedUp(base, deps);
    await browser.query("auth.me");
    await client(base).mutate("auth.signIn", { email, password: "wrong password here" });
    const requests = logger.lines.filter((l) => l.message === "request");
    expect(requests.map((l) => [l.fields.method, l.fields.procedure, l.fields.status])).toEqual([
      ["POST", "auth.signUp", 200],
      ["POST", "auth.verifyEmail", 200],
      ["GET", "auth.me", 200],
      ["POST", "auth.signIn", 401],
    ]);
    expect(requests[2]!.fields.userId).toEqual(expect.any(String));
    const everything = JSON.stringify(logger.lines);
    const token = browser.cookie.split("=")[1]!;
    for (const secret of [email, PASSWORD, token, token.split(".")[1]!]) expect(everything).not.toContain(secret);
  });
});

describe("request ids", () => {
  it("names every answer with one, made up when the request brings none (or a malformed one)", async () => {
    const base = await listen(createTestDeps(db).deps);
    const made = (await client(base).query("auth.me")).headers.get("X-Request-Id");
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await fetch(`${base}/trpc/auth.me`, { headers: { "X-Request-Id": "bad id with spaces" } });
    expect(refused.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("request size", () => {
  it("refuses a body over 64 kB with 413 before any procedure runs, and lets queries through", async () => {
    const { deps } = createTestDeps(db);
    const base = await listen(deps);
    const browser = client(base);
    const huge = await browser.mutate("auth.signIn", { email: newEmail(), password: "x".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect((await browser.query("auth.me")).status).toBe(200);
  });
});
