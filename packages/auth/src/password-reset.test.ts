import { connectAsApp } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { consumePasswordReset, countPasswordResetsSince, findPasswordReset, issuePasswordReset } from "./password-reset";
import { HOUR, MINUTE, T0, at, createUser } from "./test-support";

const app = connectAsApp();
const db = app.db;
afterAll(() => app.close());

describe("password reset tokens", () => {
  it("are 160-bit, found by their hash while live, and used up once", async () => {
    const userId = await createUser(db);
    const token = await issuePasswordReset(db, userId, T0);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const reset = await findPasswordReset(db, token, at(59 * MINUTE));
    expect(reset?.userId).toBe(userId);
    expect(await findPasswordReset(db, token, at(HOUR))).toBeNull();
    const twice = await Promise.all([consumePasswordReset(db, reset!.id, at(MINUTE)), consumePasswordReset(db, reset!.id, at(MINUTE))]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    expect(await findPasswordReset(db, token, at(2 * MINUTE))).toBeNull();
  });

  it("a new token ends the older one; malformed tokens find nothing", async () => {
    const userId = await createUser(db);
    const first = await issuePasswordReset(db, userId, T0);
    const second = await issuePasswordReset(db, userId, at(MINUTE));
    expect(await findPasswordReset(db, first, at(2 * MINUTE))).toBeNull();
    expect(await findPasswordReset(db, second, at(2 * MINUTE))).not.toBeNull();
    for (const bad of ["", second.toUpperCase(), `${second}a`, "' or 1=1 --"]) expect(await findPasswordReset(db, bad, at(2 * MINUTE))).toBeNull();
    expect(await countPasswordResetsSince(db, userId, T0)).toBe(2);
  });
});
