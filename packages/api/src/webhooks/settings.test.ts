import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, webhookSettingsOf } from "../config";
import { retryDelayMs } from "./settings";

const production = { NODE_ENV: "production", DATABASE_URL: "postgres://app@db/frontdesk", PUBLIC_URL: "https://book.example.com", MASTER_KEY: "YS10ZXN0LW1hc3Rlci1rZXktZm9yLXByb2QtcnVucyE=" };

describe("webhook settings", () => {
  it("refuse private targets in production unless WEBHOOK_ALLOW_PRIVATE_TARGETS=on, and allow them in development", () => {
    expect(webhookSettingsOf(parseConfig(production)).allowPrivateTargets).toBe(false);
    expect(webhookSettingsOf(parseConfig({ ...production, WEBHOOK_ALLOW_PRIVATE_TARGETS: "on" })).allowPrivateTargets).toBe(true);
    expect(webhookSettingsOf(parseConfig({})).allowPrivateTargets).toBe(true);
    expect(webhookSettingsOf(parseConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "off" })).allowPrivateTargets).toBe(false);
    expect(() => parseConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "yes" })).toThrow(ConfigError);
  });

  it("double the delay after each failed attempt, up to the cap", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(6 * 60 * 60_000);
  });
});
