// Expired rate-limit counters are cleared: they only take room, and their keys hold addresses.
import { withIdentity } from "@frontdesk/db";
import { rateLimits } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { clearExpiredCounters, COUNTER_RETENTION_MS } from "./rate-limit";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("clearExpiredCounters", () => {
  it("deletes counters older than the retention period and keeps the rest", async () => {
    const now = new Date("2026-11-22T09:00:00Z");
    const marker = `test-${crypto.randomUUID().slice(0, 8)}`;
    const at = (msAgo: number) => new Date(now.getTime() - msAgo);
    await withIdentity(db, {}, (tx) =>
      tx.insert(rateLimits).values([
        { key: `${marker}:book:email:old@example.test`, windowStart: at(COUNTER_RETENTION_MS + 60_000), count: 3 },
        { key: `${marker}:book:ip:203.0.113.9`, windowStart: at(COUNTER_RETENTION_MS - 60_000), count: 1 },
        { key: `${marker}:slots:ip:203.0.113.9`, windowStart: at(0), count: 7 },
      ]),
    );
    expect(await clearExpiredCounters(db, now)).toBeGreaterThanOrEqual(1);
    const left = await withIdentity(db, {}, (tx) => tx.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, `${marker}:%`)));
    expect(left.map((r) => r.key).sort()).toEqual([`${marker}:book:ip:203.0.113.9`, `${marker}:slots:ip:203.0.113.9`]);
  });
});
