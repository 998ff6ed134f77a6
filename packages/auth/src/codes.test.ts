import { withIdentity } from "@frontdesk/db";
import { loginCodes } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  LOGIN_CODE_MAX_ATTEMPTS,
  countLoginCodesIssuedSince,
  generateLoginCode,
  issueLoginCode,
  verifyLoginCode,
} from "./codes";
import { MINUTE, T0, at, uniqueEmail } from "./test-support";

const app = connectAsApp({ max: 20 });
const db = app.db;
afterAll(() => app.close());
afterEach(() => vi.restoreAllMocks());

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function storedCodes(email: string) {
  return withIdentity(db, {}, (tx) => tx.select().from(loginCodes).where(eq(sql`lower(${loginCodes.email})`, email.toLowerCase())));
}

describe("generateLoginCode", () => {
  it("gives six digits, spread evenly over the first digit", () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const code = generateLoginCode();
      expect(code).toMatch(/^\d{6}$/);
      counts[Number(code[0])]!++;
    }
    // 2000 expected per digit; 5 standard deviations is about ±212.
    for (const seen of counts) expect(Math.abs(seen - 2000)).toBeLessThan(250);
  });

  it("rejects random words above the last whole multiple of a million instead of skewing low codes", () => {
    const words = [0xffff_ffff, 4_294_000_000, 4_293_999_999];
    vi.spyOn(crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array)[0] = words.shift()!;
      return array;
    });
    // 4_293_999_999 % 1_000_000 = 999_999; the two words above 4_294_000_000 - 1 were skipped.
    expect(generateLoginCode()).toBe("999999");
    expect(words).toEqual([]);
  });

  it("pads small codes with zeros", () => {
    vi.spyOn(crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array)[0] = 1_000_042;
      return array;
    });
    expect(generateLoginCode()).toBe("000042");
  });
});

describe("issueLoginCode and verifyLoginCode", () => {
  it("accepts the code once, then never again", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    expect(code).toMatch(/^\d{6}$/);
    expect(await verifyLoginCode(db, email, code, at(MINUTE))).toBe("ok");
    expect(await verifyLoginCode(db, email, code, at(MINUTE))).toBe("invalid");
  });

  it("stores only a salted hash of the code, for ten minutes", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    const [row] = await storedCodes(email);
    expect(row).toMatchObject({ attempts: 0, consumedAt: null, expiresAt: at(10 * MINUTE), createdAt: T0 });
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it("accepts the code with spaces and any capitalisation of the e-mail", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email.toUpperCase(), T0);
    expect(await verifyLoginCode(db, ` ${email} `, `${code.slice(0, 3)} ${code.slice(3)}`, T0)).toBe("ok");
  });

  it("refuses the right code after five wrong ones", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    for (let i = 0; i < LOGIN_CODE_MAX_ATTEMPTS; i++) expect(await verifyLoginCode(db, email, wrong(code), T0)).toBe("invalid");
    expect(await verifyLoginCode(db, email, code, T0)).toBe("too_many_attempts");
  });

  it("accepts the right code on the fifth attempt", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    for (let i = 0; i < LOGIN_CODE_MAX_ATTEMPTS - 1; i++) await verifyLoginCode(db, email, wrong(code), T0);
    expect(await verifyLoginCode(db, email, code, T0)).toBe("ok");
  });

  it("counts malformed codes as attempts", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    for (const junk of ["", "1234567", "abcdef", "12345'", "x".repeat(10_000)]) {
      expect(await verifyLoginCode(db, email, junk, T0)).toBe("invalid");
    }
    expect(await verifyLoginCode(db, email, code, T0)).toBe("too_many_attempts");
  });

  it("lets concurrent guesses use exactly five attempts", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyLoginCode(db, email, wrong(code), T0)));
    expect(results.filter((r) => r === "invalid")).toHaveLength(LOGIN_CODE_MAX_ATTEMPTS);
    expect(results.filter((r) => r === "too_many_attempts")).toHaveLength(20 - LOGIN_CODE_MAX_ATTEMPTS);
    expect((await storedCodes(email))[0]!.attempts).toBe(LOGIN_CODE_MAX_ATTEMPTS);
  });

  it("lets only one of many concurrent right answers sign in", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyLoginCode(db, email, code, T0)));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
  });

  it("expires after ten minutes", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    expect(await verifyLoginCode(db, email, code, at(10 * MINUTE))).toBe("expired");
    const next = await issueLoginCode(db, email, T0);
    expect(await verifyLoginCode(db, email, next, at(10 * MINUTE - 1))).toBe("ok");
  });

  it("supersedes older codes: only the newest works", async () => {
    const email = uniqueEmail();
    const first = await issueLoginCode(db, email, T0);
    const second = await issueLoginCode(db, email, at(MINUTE));
    if (first !== second) expect(await verifyLoginCode(db, email, first, at(MINUTE))).toBe("invalid");
    expect(await verifyLoginCode(db, email, second, at(MINUTE))).toBe("ok");
    expect(await verifyLoginCode(db, email, first, at(MINUTE))).toBe("invalid");
    expect((await storedCodes(email)).every((row) => row.consumedAt !== null)).toBe(true);
  });

  it("does not accept one e-mail's code for another", async () => {
    const alice = uniqueEmail("alice");
    const mallory = uniqueEmail("mallory");
    const aliceCode = await issueLoginCode(db, alice, T0);
    await issueLoginCode(db, mallory, T0);
    expect(await verifyLoginCode(db, mallory, aliceCode, T0)).not.toBe("ok");
    expect(await verifyLoginCode(db, alice, aliceCode, T0)).toBe("ok");
  });

  it("answers invalid when no code was ever issued", async () => {
    expect(await verifyLoginCode(db, uniqueEmail(), "123456", T0)).toBe("invalid");
  });

  it("treats LIKE wildcards in the e-mail literally", async () => {
    const email = uniqueEmail();
    const code = await issueLoginCode(db, email, T0);
    expect(await verifyLoginCode(db, "%", code, T0)).toBe("invalid");
    expect(await verifyLoginCode(db, email.replace(/^./, "_"), code, T0)).toBe("invalid");
  });
});

describe("countLoginCodesIssuedSince", () => {
  it("counts the codes issued for an e-mail in a window", async () => {
    const email = uniqueEmail();
    await issueLoginCode(db, email, T0);
    await issueLoginCode(db, email, at(5 * MINUTE));
    await issueLoginCode(db, email.toUpperCase(), at(6 * MINUTE));
    expect(await countLoginCodesIssuedSince(db, email, at(MINUTE))).toBe(2);
    expect(await countLoginCodesIssuedSince(db, email, T0)).toBe(3);
    expect(await countLoginCodesIssuedSince(db, uniqueEmail(), T0)).toBe(0);
  });
});

describe("sign-up codes", () => {
  it("carry the pending account to the one purpose they were issued for", async () => {
    const { checkLoginCode } = await import("./codes");
    const email = uniqueEmail("signup");
    const code = await issueLoginCode(db, email, T0, { purpose: "sign_up", pending: { name: "Ada", passwordHash: "hash" } });
    expect(await verifyLoginCode(db, email, code, at(MINUTE))).toBe("invalid");
    expect(await checkLoginCode(db, email, code, at(MINUTE), "sign_up")).toEqual({ result: "ok", pending: { name: "Ada", passwordHash: "hash" } });
    const signIn = await issueLoginCode(db, email, at(2 * MINUTE));
    expect(await checkLoginCode(db, email, signIn, at(3 * MINUTE), "sign_up")).toEqual({ result: "invalid" });
  });
});
