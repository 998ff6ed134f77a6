import { withIdentity } from "@frontdesk/db";
import { authThrottle } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { DAY, MINUTE, T0, at, createUser, uniqueEmail } from "./test-support";
import {
  accountThrottleKey,
  checkSignInAllowed,
  ipThrottleKey,
  THROTTLE_FREE_FAILURES_PER_IP,
  recordSignInFailure,
  recordSignInSuccess,
  throttleDelaySeconds,
} from "./throttle";

const app = connectAsApp({ max: 20 });
const db = app.db;
afterAll(() => app.close());

const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 4)}`;

async function fail(key: { email: string; ip: string | null }, times: number, now = T0) {
  for (let i = 0; i < times; i++) await recordSignInFailure(db, key, now);
}

async function storedFailures(key: string) {
  const [row] = await withIdentity(db, {}, (tx) => tx.select().from(authThrottle).where(eq(authThrottle.key, key)));
  return row?.failures;
}

describe("throttleDelaySeconds", () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [8, 240],
    [9, 480],
    [10, 900],
    [11, 900],
    [1_000_000, 900],
  ])("after %i failures blocks for %i s", (failures, seconds) => {
    expect(throttleDelaySeconds(failures)).toBe(seconds);
  });
});

describe("checkSignInAllowed and recordSignInFailure", () => {
  it("lets the first four failures through, then blocks for 30 s, 60 s, … up to 15 minutes", async () => {
    const key = { email: uniqueEmail(), ip: null };
    await fail(key, 4);
    expect(await checkSignInAllowed(db, key, T0)).toEqual({ allowed: true });
    await fail(key, 1);
    expect(await checkSignInAllowed(db, key, T0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await checkSignInAllowed(db, key, at(29_500))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await checkSignInAllowed(db, key, at(30_000))).toEqual({ allowed: true });
    // Each further failure doubles the wait, measured from that failure.
    const waits: number[] = [];
    for (let failure = 6; failure <= 12; failure++) {
      const now = at(failure * 20 * MINUTE);
      await recordSignInFailure(db, key, now);
      const answer = await checkSignInAllowed(db, key, now);
      waits.push(answer.allowed ? 0 : answer.retryAfterSeconds);
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it("answers the same for an address with an account and one without", async () => {
    // The throttle never reads users: only what was typed counts.
    const known = { email: uniqueEmail("known"), ip: null };
    await createUser(db, known.email);
    const unknown = { email: uniqueEmail("nobody"), ip: null };
    const answers = [];
    for (const key of [known, unknown]) {
      await withIdentity(db, {}, (tx) => tx.delete(authThrottle).where(eq(authThrottle.key, accountThrottleKey(key.email))));
      await fail(key, 6);
      answers.push(await checkSignInAllowed(db, key, T0));
    }
    expect(answers[0]).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(answers[1]).toEqual(answers[0]);
  });

  it("counts an address however it is capitalised or padded", async () => {
    const email = uniqueEmail();
    await fail({ email: email.toUpperCase(), ip: null }, 3);
    await fail({ email: `  ${email}  `, ip: null }, 2);
    expect(await storedFailures(`account:${email}`)).toBe(5);
    expect((await checkSignInAllowed(db, { email, ip: null }, T0)).allowed).toBe(false);
  });

  it("blocks an IP that tries many accounts, for every account, while other IPs go on", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < THROTTLE_FREE_FAILURES_PER_IP; i++) await recordSignInFailure(db, { email: uniqueEmail(), ip }, T0);
    // A shared front-desk address gets a larger allowance than one account...
    expect((await checkSignInAllowed(db, { email: uniqueEmail(), ip }, T0)).allowed).toBe(true);
    // ...but not an unlimited one.
    await recordSignInFailure(db, { email: uniqueEmail(), ip }, T0);
    const fresh = uniqueEmail();
    expect(await checkSignInAllowed(db, { email: fresh, ip }, T0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await checkSignInAllowed(db, { email: fresh, ip: uniqueIp() }, T0)).toEqual({ allowed: true });
    expect(await checkSignInAllowed(db, { email: fresh, ip: null }, T0)).toEqual({ allowed: true });
  });

  it("blocks an account attacked from many IPs", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) await recordSignInFailure(db, { email, ip: uniqueIp() }, T0);
    expect(await checkSignInAllowed(db, { email, ip: uniqueIp() }, T0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it("reports the longer wait when both the account and the IP are blocked", async () => {
    const email = uniqueEmail();
    const ip = uniqueIp();
    await fail({ email, ip: null }, 7); // account: 120 s
    for (let i = 0; i <= THROTTLE_FREE_FAILURES_PER_IP; i++) await recordSignInFailure(db, { email: uniqueEmail(), ip }, T0); // ip: 30 s
    expect(await checkSignInAllowed(db, { email, ip }, T0)).toEqual({ allowed: false, retryAfterSeconds: 120 });
  });

  it("counts every one of many concurrent failures (atomic upsert)", async () => {
    const key = { email: uniqueEmail(), ip: uniqueIp() };
    await Promise.all(Array.from({ length: 20 }, () => recordSignInFailure(db, key, T0)));
    expect(await storedFailures(accountThrottleKey(key.email))).toBe(20);
    expect(await storedFailures(ipThrottleKey(key.ip))).toBe(20);
    expect(await checkSignInAllowed(db, key, T0)).toEqual({ allowed: false, retryAfterSeconds: 900 });
  });

  it("starts counting again after a day without failures", async () => {
    const key = { email: uniqueEmail(), ip: null };
    await fail(key, 6);
    await recordSignInFailure(db, key, at(DAY + MINUTE));
    expect(await storedFailures(accountThrottleKey(key.email))).toBe(1);
    expect(await checkSignInAllowed(db, key, at(DAY + MINUTE))).toEqual({ allowed: true });
  });

  it("survives absurd input: a 10 kB e-mail and IP are stored under a hash", async () => {
    const key = { email: `${"x".repeat(10_000)}@example.test`, ip: "y".repeat(10_000) };
    await fail(key, 5);
    expect(accountThrottleKey(key.email)).toMatch(/^account:sha256:[0-9a-f]{64}$/);
    expect(await checkSignInAllowed(db, key, T0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it("treats an empty IP as no IP rather than one shared bucket", async () => {
    await fail({ email: uniqueEmail(), ip: "" }, 5);
    expect(await storedFailures("ip:")).toBeUndefined();
  });
});

describe("recordSignInSuccess", () => {
  it("clears the account's count but not the IP's", async () => {
    const key = { email: uniqueEmail(), ip: uniqueIp() };
    await fail(key, THROTTLE_FREE_FAILURES_PER_IP + 1);
    await recordSignInSuccess(db, key);
    expect(await storedFailures(accountThrottleKey(key.email))).toBeUndefined();
    expect(await checkSignInAllowed(db, { email: key.email, ip: null }, T0)).toEqual({ allowed: true });
    expect(await checkSignInAllowed(db, key, T0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });
});
