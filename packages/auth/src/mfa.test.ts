import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import {
  countRecoveryCodesLeft,
  forgetSecondFactorState,
  generateTotpKey,
  isRememberedDevice,
  matchTotp,
  rememberDevice,
  replaceRecoveryCodes,
  totpAt,
  totpKeyUri,
  useRecoveryCode,
} from "./mfa";
import { DAY, T0, createUser } from "./test-support";

const app = connectAsApp();
const db = app.db;
afterAll(() => app.close());

// RFC 6238 appendix B, SHA-1: the key is the ASCII "12345678901234567890"; we use the last 6 digits.
const RFC_KEY = encodeBase32UpperCaseNoPadding(new TextEncoder().encode("12345678901234567890"));
const atSeconds = (seconds: number) => new Date(seconds * 1000);

describe("TOTP", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches RFC 6238's test vector at %i s", (seconds, code) => {
    expect(totpAt(RFC_KEY, atSeconds(seconds))).toBe(code);
    expect(matchTotp(RFC_KEY, code, atSeconds(seconds), null)).toBe(Math.floor(seconds / 30));
  });

  it("accepts the neighbouring steps for a drifting phone clock, not two steps away", () => {
    const now = atSeconds(1111111109);
    const step = Math.floor(1111111109 / 30);
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, atSeconds(1111111109 - 30)), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, atSeconds(1111111109 + 30)), now, null)).toBe(step + 1);
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, atSeconds(1111111109 - 60)), now, null)).toBeNull();
    expect(matchTotp(RFC_KEY, totpAt(RFC_KEY, atSeconds(1111111109 + 60)), now, null)).toBeNull();
  });

  it("refuses a code at or before the last accepted step (no replay), and anything not six digits", () => {
    const now = atSeconds(1111111109);
    const step = Math.floor(1111111109 / 30);
    expect(matchTotp(RFC_KEY, "081804", now, step)).toBeNull();
    expect(matchTotp(RFC_KEY, "081804", now, step - 1)).toBe(step);
    for (const typed of ["", "08180", "0818040", "08l804", "081 804x"]) expect(matchTotp(RFC_KEY, typed, now, null)).toBeNull();
    expect(matchTotp(RFC_KEY, " 081 804 ", now, null)).toBe(step);
  });

  it("makes 160-bit keys and an otpauth URI naming the issuer and account", () => {
    const key = generateTotpKey();
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpKey()).not.toBe(key);
    expect(totpKeyUri("Frontdesk", "ada@example.test", key)).toMatch(/^otpauth:\/\/totp\/Frontdesk:ada%40example\.test\?.*secret=[A-Z2-7]{32}/);
  });
});

describe("recovery codes", () => {
  it("are ten, each usable once, stored so that only the user reaches them, and replaced as a set", async () => {
    const userId = await createUser(db);
    const other = await createUser(db);
    const codes = await replaceRecoveryCodes(db, userId, T0);
    expect(new Set(codes).size).toBe(10);
    expect(await useRecoveryCode(db, other, codes[0]!, T0)).toBe(false);
    expect(await useRecoveryCode(db, userId, codes[0]!.toUpperCase(), T0)).toBe(true);
    expect(await useRecoveryCode(db, userId, codes[0]!, T0)).toBe(false);
    expect(await useRecoveryCode(db, userId, "not-a-code!", T0)).toBe(false);
    expect(await countRecoveryCodesLeft(db, userId)).toBe(9);
    await replaceRecoveryCodes(db, userId, T0);
    expect(await useRecoveryCode(db, userId, codes[1]!, T0)).toBe(false);
    expect(await countRecoveryCodesLeft(db, userId)).toBe(10);
  });

  it("only one of two concurrent uses of the same code wins", async () => {
    const userId = await createUser(db);
    const [code] = await replaceRecoveryCodes(db, userId, T0);
    const results = await Promise.all(Array.from({ length: 5 }, () => useRecoveryCode(db, userId, code!, T0)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("remembered devices", () => {
  it("are recognised for their own user until they expire, and forgotten on request", async () => {
    const userId = await createUser(db);
    const other = await createUser(db);
    const { token, expiresAt } = await rememberDevice(db, userId, T0);
    expect(expiresAt.getTime() - T0.getTime()).toBe(30 * DAY);
    expect(await isRememberedDevice(db, userId, token, T0)).toBe(true);
    expect(await isRememberedDevice(db, other, token, T0)).toBe(false);
    expect(await isRememberedDevice(db, userId, null, T0)).toBe(false);
    expect(await isRememberedDevice(db, userId, "x".repeat(32), T0)).toBe(false);
    expect(await isRememberedDevice(db, userId, token, new Date(expiresAt.getTime()))).toBe(false);
    await forgetSecondFactorState(db, userId, { recoveryCodes: false });
    expect(await isRememberedDevice(db, userId, token, T0)).toBe(false);
  });
});
