import { describe, expect, it } from "vitest";
import { ConfigError, LOCAL_SERVER, readDatabaseEnv } from "./env";

describe("readDatabaseEnv", () => {
  it("uses the zero-setup local server in development when no URL is set", () => {
    expect(readDatabaseEnv({})).toEqual({ kind: "local", server: LOCAL_SERVER });
  });

  it("uses the given server when DATABASE_URL is set", () => {
    expect(readDatabaseEnv({ DATABASE_URL: "postgres://app@db/frontdesk", DATABASE_ADMIN_URL: "postgres://owner@db/frontdesk" })).toEqual({
      kind: "external",
      appUrl: "postgres://app@db/frontdesk",
      adminUrl: "postgres://owner@db/frontdesk",
    });
  });

  it("refuses to start in production without DATABASE_URL, naming the variable", () => {
    expect(() => readDatabaseEnv({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => readDatabaseEnv({ NODE_ENV: "production", DATABASE_URL: "" })).toThrow(/DATABASE_URL is required/);
  });

  it("names the variable that is malformed", () => {
    expect(() => readDatabaseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/^DATABASE_URL: must be a postgres:\/\/ URL$/);
    expect(() => readDatabaseEnv({ NODE_ENV: "staging" })).toThrow(/^NODE_ENV:/);
    expect(() => readDatabaseEnv({ DATABASE_ADMIN_URL: "postgres://owner@db/x" })).toThrow(/DATABASE_URL must be set/);
  });
});
