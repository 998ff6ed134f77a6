import { describe, expect, it } from "vitest";
import { readSessionToken, serializeBlankSessionCookie, serializeSessionCookie, sessionCookieName } from "./cookies";

const https = "https://clinic.example.com";
const http = "http://localhost:3000";
const token = `${"a".repeat(32)}.${"b".repeat(32)}`;
const now = new Date("2031-03-03T09:00:00.000Z");
const expiresAt = new Date("2031-03-03T21:00:00.000Z");

const attributes = (cookie: string) => cookie.split("; ");

describe("sessionCookieName", () => {
  it("uses the __Host- prefix only over HTTPS", () => {
    expect(sessionCookieName(https)).toBe("__Host-frontdesk_session");
    expect(sessionCookieName(`${https}/some/path`)).toBe("__Host-frontdesk_session");
    expect(sessionCookieName(http)).toBe("frontdesk_session");
  });

  it("refuses a configuration that is not a URL", () => {
    expect(() => sessionCookieName("clinic.example.com")).toThrow(TypeError);
  });
});

describe("serializeSessionCookie", () => {
  it("over HTTPS: __Host- name, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain", () => {
    const cookie = serializeSessionCookie(token, { publicUrl: https, expiresAt, now });
    expect(attributes(cookie)).toEqual([
      `__Host-frontdesk_session=${token}`,
      "Path=/",
      "Max-Age=43200",
      "Expires=Mon, 03 Mar 2031 21:00:00 GMT",
      "HttpOnly",
      "SameSite=Lax",
      "Secure",
    ]);
    expect(cookie).not.toMatch(/domain=/i);
  });

  it("over HTTP (local development): no prefix and no Secure, the rest the same", () => {
    const cookie = serializeSessionCookie(token, { publicUrl: http, expiresAt, now });
    expect(attributes(cookie)).toEqual([
      `frontdesk_session=${token}`,
      "Path=/",
      "Max-Age=43200",
      "Expires=Mon, 03 Mar 2031 21:00:00 GMT",
      "HttpOnly",
      "SameSite=Lax",
    ]);
  });

  it("rounds Max-Age down and never below zero", () => {
    expect(serializeSessionCookie(token, { publicUrl: http, expiresAt: new Date(now.getTime() + 1999), now })).toContain("Max-Age=1;");
    expect(serializeSessionCookie(token, { publicUrl: http, expiresAt: new Date(now.getTime() - 5000), now })).toContain("Max-Age=0;");
  });

  it.each([`${token}; Domain=evil.example`, `${token}\r\nSet-Cookie: x=y`, "", "TOKEN", `${token},x`, "a".repeat(200)])(
    "refuses to write %j as a cookie value",
    (bad) => {
      expect(() => serializeSessionCookie(bad, { publicUrl: https, expiresAt, now })).toThrow(TypeError);
    },
  );
});

describe("serializeBlankSessionCookie", () => {
  it("removes the cookie with the same name and attributes", () => {
    expect(attributes(serializeBlankSessionCookie(https))).toEqual([
      "__Host-frontdesk_session=",
      "Path=/",
      "Max-Age=0",
      "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
      "HttpOnly",
      "SameSite=Lax",
      "Secure",
    ]);
    expect(serializeBlankSessionCookie(http)).toMatch(/^frontdesk_session=; Path=\/; Max-Age=0;/);
  });
});

describe("readSessionToken", () => {
  it("finds the token among other cookies", () => {
    expect(readSessionToken(`theme=dark; __Host-frontdesk_session=${token}; lang=fr`, https)).toBe(token);
    expect(readSessionToken(`frontdesk_session=${token}`, http)).toBe(token);
    expect(readSessionToken(`a=1;frontdesk_session=${token}`, http)).toBe(token);
  });

  it("over HTTPS ignores the unprefixed name, which a sibling subdomain could have planted", () => {
    expect(readSessionToken(`frontdesk_session=${token}`, https)).toBeNull();
  });

  it("does not match names that merely contain ours", () => {
    expect(readSessionToken(`x_frontdesk_session=${token}`, http)).toBeNull();
    expect(readSessionToken(`frontdesk_session_old=${token}`, http)).toBeNull();
  });

  it.each([null, "", "frontdesk_session", "frontdesk_session=", "frontdesk_session=%41%42", "frontdesk_session=a b", `frontdesk_session=${"a".repeat(10_000)}`])(
    "answers null for %j",
    (header) => {
      expect(readSessionToken(header, http)).toBeNull();
    },
  );
});
