// Issue 14, defect 6: a response never sets and clears (or renews) the session cookie at once.
// Browsers apply Set-Cookie headers in order, so the last one wins.
import { invalidateUserSessions } from "@frontdesk/auth";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ServerDeps } from "./ports";
import { createTestDeps, mailedCode } from "./testing";
import { httpClient, listen } from "./testing/http";

const { db, close } = connectAsApp();
afterAll(() => close());
const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (running.length) await running.pop()!();
});

const PASSWORD = "correct horse battery";
const newEmail = () => `cookie-${crypto.randomUUID().slice(0, 8)}@example.test`;

async function serve(deps: ServerDeps) {
  const server = await listen(deps);
  running.push(server.close);
  return server.base;
}

/** A verified account, signed in on `browser`; returns its e-mail and user id. */
async function account(base: string, deps: ServerDeps, browser = httpClient(base)) {
  const email = newEmail();
  await browser.mutate("auth.signUp", { name: "Cookie Person", email, password: PASSWORD });
  const response = await browser.mutate("auth.verifyEmail", { email, code: mailedCode(deps.mailer, email) });
  const body = (await response.json()) as { result: { data: { user: { id: string } } } };
  return { email, userId: body.result.data.user.id };
}

const sessionCookies = (response: Response) => response.headers.getSetCookie().filter((c) => c.startsWith("frontdesk_session="));
const whoIsSignedIn = async (browser: ReturnType<typeof httpClient>) =>
  ((await (await browser.query("auth.me")).json()) as { result: { data: { user: { email: string } } | null } }).result.data?.user.email ?? null;

describe("signing in over an existing cookie", () => {
  it("with a dead session's cookie: one Set-Cookie, the new session's, and the browser stays signed in", async () => {
    const { deps } = createTestDeps(db);
    const base = await serve(deps);
    const browser = httpClient(base);
    const { email, userId } = await account(base, deps, browser);
    await invalidateUserSessions(db, userId); // signed out elsewhere: the browser's cookie is dead

    const response = await browser.mutate("auth.signIn", { email, password: PASSWORD });
    expect(response.status).toBe(200);
    const cookies = sessionCookies(response);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).not.toMatch(/Max-Age=0/);
    expect(await whoIsSignedIn(browser)).toBe(email);
  });

  it("with a cookie due for renewal: the new session's cookie only, not the renewed old one after it", async () => {
    const { deps, clock } = createTestDeps(db);
    const base = await serve(deps);
    const browser = httpClient(base);
    await account(base, deps, browser);
    const other = await account(base, deps);
    clock.advance(61 * 60_000); // the browser's session is now renewed by its next request

    const response = await browser.mutate("auth.signIn", { email: other.email, password: PASSWORD });
    expect(sessionCookies(response)).toHaveLength(1);
    expect(await whoIsSignedIn(browser)).toBe(other.email);
  });

  it("with another user's live cookie: the browser becomes the new user's, and the old session ends", async () => {
    const { deps } = createTestDeps(db);
    const base = await serve(deps);
    const browser = httpClient(base);
    const first = await account(base, deps, browser);
    const oldCookie = browser.cookie;
    const second = await account(base, deps);

    const response = await browser.mutate("auth.signIn", { email: second.email, password: PASSWORD });
    expect(sessionCookies(response)).toHaveLength(1);
    expect(await whoIsSignedIn(browser)).toBe(second.email);
    const replay = httpClient(base);
    replay.cookie = oldCookie;
    expect(await whoIsSignedIn(replay)).toBeNull();
    expect(first.email).not.toBe(second.email);
  });

  it("signing out with a cookie due for renewal clears it and does not renew it after", async () => {
    const { deps, clock } = createTestDeps(db);
    const base = await serve(deps);
    const browser = httpClient(base);
    await account(base, deps, browser);
    clock.advance(61 * 60_000);
    const response = await browser.mutate("auth.signOut", {});
    expect(sessionCookies(response)).toEqual([expect.stringMatching(/Max-Age=0/)]);
    expect(browser.cookie).toBe("");
  });
});
