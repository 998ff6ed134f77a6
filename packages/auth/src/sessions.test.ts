import { sessions } from "@frontdesk/db/schema";
import { withIdentity } from "@frontdesk/db";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "./crypto";
import {
  DEFAULT_SESSION_SETTINGS,
  createSession,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  setActiveClinic,
  validateSessionToken,
  type SessionSettings,
} from "./sessions";
import { DAY, HOUR, MINUTE, T0, at, createUser } from "./test-support";

const app = connectAsApp();
const db = app.db;
afterAll(() => app.close());

const settings = DEFAULT_SESSION_SETTINGS;
const device = { activeClinicId: null, userAgent: "Firefox 140", ip: "203.0.113.7" };

let userId: string;
let otherUserId: string;
beforeAll(async () => {
  userId = await createUser(db);
  otherUserId = await createUser(db);
});

/** The stored row (even the owner role is bound by forced RLS: read it as the session's own request would). */
async function storedRow(id: string) {
  const [row] = await withIdentity(db, { sessionId: id }, (tx) => tx.select().from(sessions).where(eq(sessions.id, id)));
  return row;
}

const signIn = (user = userId, now = T0, custom: SessionSettings = settings) =>
  createSession(db, { userId: user, ...device }, now, custom);

describe("createSession", () => {
  it("returns an id.secret token with 160 random bits in each half", async () => {
    const { token, session } = await signIn();
    expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
    expect(token.split(".")[0]).toBe(session.id);
    const again = await signIn();
    expect(again.token.split(".")[0]).not.toBe(session.id);
    expect(again.token.split(".")[1]).not.toBe(token.split(".")[1]);
  });

  it("stores only the SHA-256 of the secret, never the secret or the token", async () => {
    const { token, session } = await signIn();
    const secret = token.split(".")[1]!;
    const row = await storedRow(session.id);
    expect(row!.secretHash).toBe(sha256Hex(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("times the session from the given clock: idle expiry first, within the absolute limit", async () => {
    const { session } = await signIn();
    expect(session).toMatchObject({ userId, createdAt: T0, lastSeenAt: T0, expiresAt: at(12 * HOUR), ...device });
    const short = await signIn(userId, T0, { idleTimeoutMs: 2 * DAY, absoluteTimeoutMs: DAY });
    expect(short.session.expiresAt).toEqual(at(DAY));
  });

  it("keeps at most 512 characters of a user agent", async () => {
    const { session } = await createSession(db, { userId, activeClinicId: null, userAgent: "x".repeat(10_000), ip: null }, T0, settings);
    expect(session.userAgent).toHaveLength(512);
  });

  it("cannot create a session for a malformed user id", async () => {
    await expect(createSession(db, { userId: "1 or 1=1", ...device }, T0, settings)).rejects.toThrow("userId must be a UUID");
  });

  it.each([
    { idleTimeoutMs: 0, absoluteTimeoutMs: DAY },
    { idleTimeoutMs: HOUR, absoluteTimeoutMs: -1 },
    { idleTimeoutMs: Number.NaN, absoluteTimeoutMs: DAY },
    { idleTimeoutMs: HOUR, absoluteTimeoutMs: Number.POSITIVE_INFINITY },
  ])("refuses impossible settings %j", async (bad) => {
    await expect(signIn(userId, T0, bad)).rejects.toThrow(RangeError);
    await expect(validateSessionToken(db, "a.b", T0, bad)).rejects.toThrow(RangeError);
  });
});

describe("validateSessionToken", () => {
  it("finds the session for its own token", async () => {
    const { token, session } = await signIn();
    expect(await validateSessionToken(db, token, at(5 * MINUTE), settings)).toEqual({ session, renewed: false });
  });

  it("refuses a token whose secret was tampered with, and leaves the session alone", async () => {
    const { token } = await signIn();
    const last = token.at(-1) === "a" ? "b" : "a";
    expect(await validateSessionToken(db, token.slice(0, -1) + last, T0, settings)).toBeNull();
    expect(await validateSessionToken(db, token, T0, settings)).not.toBeNull();
  });

  it("refuses another user's session id paired with one's own secret", async () => {
    const mine = await signIn(userId);
    const theirs = await signIn(otherUserId);
    const forged = `${theirs.session.id}.${mine.token.split(".")[1]}`;
    expect(await validateSessionToken(db, forged, T0, settings)).toBeNull();
    expect(await storedRow(theirs.session.id)).toBeDefined();
  });

  it("refuses a token whose session is unknown", async () => {
    const { token } = await signIn();
    expect(await validateSessionToken(db, `${"a".repeat(32)}.${token.split(".")[1]}`, T0, settings)).toBeNull();
  });

  it("refuses the hash of the secret in place of the secret (a leaked table is not a key)", async () => {
    const { token, session } = await signIn();
    const row = await storedRow(session.id);
    expect(row!.secretHash).not.toBe(token.split(".")[1]);
    expect(await validateSessionToken(db, `${session.id}.${row!.secretHash}`, T0, settings)).toBeNull();
  });

  it.each([
    "",
    ".",
    "abc",
    `${"a".repeat(32)}`,
    `${"a".repeat(32)}.`,
    `.${"a".repeat(32)}`,
    `${"a".repeat(32)}.${"a".repeat(32)}.${"a".repeat(32)}`,
    `${"A".repeat(32)}.${"a".repeat(32)}`,
    `${"a".repeat(32)}.${"a".repeat(31)}1`,
    `${"a".repeat(31)}'.${"a".repeat(32)}`,
    `' or 1=1 --.${"a".repeat(32)}`,
    ` ${"a".repeat(32)}.${"a".repeat(32)}`,
    "a".repeat(10_000),
  ])("refuses the malformed token %j without error", async (token) => {
    expect(await validateSessionToken(db, token, T0, settings)).toBeNull();
  });

  it("does not renew within the hour, then renews once and tells the caller", async () => {
    const { token, session } = await signIn();
    expect((await validateSessionToken(db, token, at(59 * MINUTE), settings))?.renewed).toBe(false);
    const renewed = await validateSessionToken(db, token, at(61 * MINUTE), settings);
    expect(renewed).toEqual({
      session: { ...session, lastSeenAt: at(61 * MINUTE), expiresAt: at(61 * MINUTE + 12 * HOUR) },
      renewed: true,
    });
    expect(await storedRow(session.id)).toMatchObject({ lastSeenAt: at(61 * MINUTE), expiresAt: at(61 * MINUTE + 12 * HOUR) });
    expect((await validateSessionToken(db, token, at(90 * MINUTE), settings))?.renewed).toBe(false);
  });

  it("ends an idle session at the idle timeout and deletes it", async () => {
    const { token, session } = await signIn();
    expect(await validateSessionToken(db, token, at(12 * HOUR - 1), settings)).not.toBeNull();
    // That check renewed it; measure idleness from the renewal.
    const seen = (await storedRow(session.id))!.lastSeenAt.getTime();
    expect(await validateSessionToken(db, token, new Date(seen + 12 * HOUR), settings)).toBeNull();
    expect(await storedRow(session.id)).toBeUndefined();
    expect(await validateSessionToken(db, token, new Date(seen + 12 * HOUR - 1), settings)).toBeNull();
  });

  it("ends an active session at the absolute timeout, however often it is used", async () => {
    const { token, session } = await signIn();
    let now = T0.getTime();
    while (now + 11 * HOUR < T0.getTime() + 30 * DAY) {
      now += 11 * HOUR;
      const result = await validateSessionToken(db, token, new Date(now), settings);
      expect(result?.session.expiresAt.getTime()).toBeLessThanOrEqual(T0.getTime() + 30 * DAY);
    }
    expect((await storedRow(session.id))!.expiresAt).toEqual(at(30 * DAY));
    expect(await validateSessionToken(db, token, at(30 * DAY), settings)).toBeNull();
    expect(await storedRow(session.id)).toBeUndefined();
  });

  it("applies shortened settings to sessions issued before the change", async () => {
    const { token } = await signIn();
    const stricter = { idleTimeoutMs: HOUR, absoluteTimeoutMs: DAY };
    expect(await validateSessionToken(db, token, at(2 * HOUR), settings)).not.toBeNull();
    const fresh = await signIn();
    expect(await validateSessionToken(db, fresh.token, at(2 * HOUR), stricter)).toBeNull();
  });

  it("renews short idle timeouts before they lapse (at half the timeout)", async () => {
    const brief = { idleTimeoutMs: 20 * MINUTE, absoluteTimeoutMs: DAY };
    const { token } = await signIn(userId, T0, brief);
    expect((await validateSessionToken(db, token, at(11 * MINUTE), brief))?.renewed).toBe(true);
    expect(await validateSessionToken(db, token, at(25 * MINUTE), brief)).not.toBeNull();
  });

  it("returns null once the user's sessions were ended elsewhere", async () => {
    const { token, session } = await signIn();
    await invalidateSession(db, session);
    expect(await validateSessionToken(db, token, T0, settings)).toBeNull();
  });
});

describe("invalidateSession", () => {
  it("cannot end another user's session", async () => {
    const theirs = await signIn(otherUserId);
    await invalidateSession(db, { id: theirs.session.id, userId });
    expect(await validateSessionToken(db, theirs.token, T0, settings)).not.toBeNull();
  });
});

describe("invalidateUserSessions", () => {
  it("ends every session of the user but the one kept, and nobody else's", async () => {
    const user = await createUser(db);
    const kept = await signIn(user);
    const others = [await signIn(user), await signIn(user)];
    const stranger = await signIn(otherUserId);
    expect(await invalidateUserSessions(db, user, { exceptSessionId: kept.session.id })).toBe(2);
    expect(await validateSessionToken(db, kept.token, T0, settings)).not.toBeNull();
    for (const other of others) expect(await validateSessionToken(db, other.token, T0, settings)).toBeNull();
    expect(await validateSessionToken(db, stranger.token, T0, settings)).not.toBeNull();
    expect(await invalidateUserSessions(db, user)).toBe(1);
    expect(await invalidateUserSessions(db, user)).toBe(0);
  });
});

describe("listUserSessions", () => {
  it("lists the user's unexpired sessions, newest first, and no one else's", async () => {
    const user = await createUser(db);
    const oldest = await signIn(user, T0);
    const middle = await signIn(user, at(HOUR));
    const newest = await signIn(user, at(2 * HOUR));
    await signIn(otherUserId, at(2 * HOUR));
    const listed = await listUserSessions(db, user, at(12 * HOUR + 30 * MINUTE));
    expect(listed.map((s) => s.id)).toEqual([newest.session.id, middle.session.id]);
    expect(listed[0]).toEqual(newest.session);
    expect(listed.map((s) => s.id)).not.toContain(oldest.session.id);
    expect(await listUserSessions(db, user, at(20 * HOUR))).toEqual([]);
  });
});

describe("setActiveClinic", () => {
  it("switches the session's clinic and back to none", async () => {
    const clinic = await createTestClinic(db);
    const { token, session } = await signIn();
    await setActiveClinic(db, session, clinic.clinicId);
    expect((await validateSessionToken(db, token, T0, settings))?.session.activeClinicId).toBe(clinic.clinicId);
    await setActiveClinic(db, session, null);
    expect((await validateSessionToken(db, token, T0, settings))?.session.activeClinicId).toBeNull();
  });

  it("cannot change another user's session", async () => {
    const clinic = await createTestClinic(db);
    const theirs = await signIn(otherUserId);
    await setActiveClinic(db, { id: theirs.session.id, userId }, clinic.clinicId);
    expect((await storedRow(theirs.session.id))!.activeClinicId).toBeNull();
  });

  it("refuses a clinic that does not exist", async () => {
    const { session } = await signIn();
    await expect(setActiveClinic(db, session, crypto.randomUUID())).rejects.toThrow();
  });
});
