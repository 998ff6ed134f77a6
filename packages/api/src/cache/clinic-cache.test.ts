// The clinic cache on its own, with a hand-driven LISTEN port and clock. How it behaves against the
// real database and real notifications is in routers/public/public-cache.test.ts.
import { describe, expect, it } from "vitest";
import type { Listen } from "../ports";
import { createTestClock, createTestLogger } from "../testing";
import { AVAILABILITY_CHANNEL, ClinicCache, type Cached } from "./clinic-cache";

const CLINIC_A = "a0000000-0000-4000-8000-000000000001";
const CLINIC_B = "b0000000-0000-4000-8000-000000000002";
const HOUR = 60 * 60_000;

/** A LISTEN port the test speaks through: `notify(payload)`, `reconnect()`. */
function fakeListen(options: { fails?: boolean } = {}) {
  const port = {
    channels: [] as string[],
    onMessage: (_payload: string) => {},
    onReconnect: () => {},
    stopped: false,
  };
  const listen: Listen = (channel, onMessage, onReconnect) => {
    if (options.fails) return Promise.reject(new Error("no connection"));
    port.channels.push(channel);
    port.onMessage = onMessage;
    port.onReconnect = onReconnect ?? (() => {});
    return Promise.resolve(() => {
      port.stopped = true;
      return Promise.resolve();
    });
  };
  return { listen, notify: (payload: string) => port.onMessage(payload), reconnect: () => port.onReconnect(), port };
}

function setup(options: { maxEntries?: number; maxAgeMs?: number; fails?: boolean } = {}) {
  const clock = createTestClock();
  const logger = createTestLogger();
  const port = fakeListen(options);
  const cache = new ClinicCache<string>(port.listen, clock, logger, {
    dependsOn: ["appointments", "clinics"],
    maxEntries: options.maxEntries ?? 10,
    maxAgeMs: options.maxAgeMs ?? HOUR,
  });
  let loads = 0;
  /** A loader that counts its calls and answers `value@<n>` for clinic A, valid for a day. */
  const loader =
    (clinicId = CLINIC_A, expiresInMs = 24 * HOUR) =>
    (): Promise<Cached<string>> => {
      loads++;
      return Promise.resolve({ clinicId, value: `value@${loads}`, expiresAt: new Date(clock.now().getTime() + expiresInMs) });
    };
  /** The first call starts listening; once that settles, answers are kept. */
  const warmUp = async () => {
    await cache.get("warm-up", loader(CLINIC_B));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { cache, clock, logger, port, loader, loads: () => loads, warmUp };
}

describe("ClinicCache", () => {
  it("listens on the availability channel and answers a repeated question from memory", async () => {
    const { cache, port, loader, loads, warmUp } = setup();
    await warmUp();
    expect(port.port.channels).toEqual([AVAILABILITY_CHANNEL]);
    const before = loads();
    expect(await cache.get("k", loader())).toBe(`value@${before + 1}`);
    expect(await cache.get("k", loader())).toBe(`value@${before + 1}`);
    expect(loads()).toBe(before + 1);
  });

  it("keeps nothing until it is listening, and serves uncached when it cannot listen", async () => {
    const { cache, loader, loads, logger } = setup({ fails: true });
    await cache.get("k", loader());
    await new Promise((resolve) => setTimeout(resolve, 0));
    await cache.get("k", loader());
    expect(loads()).toBe(2);
    expect(cache.size).toBe(0);
    expect(logger.lines.some((l) => l.level === "warn" && l.message === "cache could not listen")).toBe(true);
  });

  it("drops a clinic's answers when that clinic changes, and only that clinic's", async () => {
    const { cache, port, loader, loads, warmUp } = setup();
    await warmUp();
    await cache.get("a", loader(CLINIC_A));
    await cache.get("b", loader(CLINIC_B));
    const before = loads();
    port.notify(`appointments:${CLINIC_A}`);
    await cache.get("a", loader(CLINIC_A));
    await cache.get("b", loader(CLINIC_B));
    expect(loads()).toBe(before + 1);
  });

  it("ignores changes to tables it does not depend on, and payloads it cannot read", async () => {
    const { cache, port, loader, loads, warmUp } = setup();
    await warmUp();
    await cache.get("a", loader(CLINIC_A));
    const before = loads();
    port.notify(`patients:${CLINIC_A}`);
    port.notify(CLINIC_A);
    port.notify("");
    await cache.get("a", loader(CLINIC_A));
    expect(loads()).toBe(before);
    port.notify(`clinics:${CLINIC_A}`);
    await cache.get("a", loader(CLINIC_A));
    expect(loads()).toBe(before + 1);
  });

  it("does not keep an answer loaded while a change arrived: it may have been read before the change", async () => {
    const { cache, port, clock, warmUp } = setup();
    await warmUp();
    let release!: () => void;
    const slowLoad = () =>
      new Promise<Cached<string>>((resolve) => {
        release = () => resolve({ clinicId: CLINIC_A, value: "before the change", expiresAt: new Date(clock.now().getTime() + HOUR) });
      });
    const answer = cache.get("k", slowLoad);
    port.notify(`appointments:${CLINIC_A}`);
    release();
    expect(await answer).toBe("before the change");
    expect(await cache.get("k", () => Promise.resolve({ clinicId: CLINIC_A, value: "after", expiresAt: new Date(clock.now().getTime() + HOUR) }))).toBe("after");
  });

  it("keeps and shares another clinic's load that was running when a clinic changed", async () => {
    const { cache, port, clock, warmUp } = setup();
    await warmUp();
    let release!: () => void;
    let loads = 0;
    const slowLoad = () => {
      loads++;
      return new Promise<Cached<string>>((resolve) => {
        release = () => resolve({ clinicId: CLINIC_B, value: "clinic B", expiresAt: new Date(clock.now().getTime() + HOUR) });
      });
    };
    const first = cache.get("b", slowLoad, CLINIC_B);
    port.notify(`appointments:${CLINIC_A}`);
    // Asked after A's change, B's load is still shared ...
    const second = cache.get("b", slowLoad, CLINIC_B);
    release();
    expect(await Promise.all([first, second])).toEqual(["clinic B", "clinic B"]);
    // ... and kept.
    expect(await cache.get("b", slowLoad, CLINIC_B)).toBe("clinic B");
    expect(loads).toBe(1);
  });

  it("shares a load of a clinic not known beforehand with nobody after any change, yet keeps it unless its own clinic changed", async () => {
    const { cache, port, clock, warmUp } = setup();
    await warmUp();
    const releases: Array<() => void> = [];
    const load = (clinicId: string, value: string) => () =>
      new Promise<Cached<string>>((resolve) => {
        releases.push(() => resolve({ clinicId, value, expiresAt: new Date(clock.now().getTime() + HOUR) }));
      });
    const first = cache.get("by-slug", load(CLINIC_B, "first"));
    port.notify(`appointments:${CLINIC_A}`);
    // It may have been reading clinic A: the next asker loads anew.
    const second = cache.get("by-slug", load(CLINIC_B, "second"));
    releases[0]!();
    expect(await first).toBe("first");
    expect(cache.peek("by-slug")).toBe("first");
    releases[1]!();
    expect(await second).toBe("second");

    const stale = cache.get("a", load(CLINIC_A, "read before A changed"));
    port.notify(`appointments:${CLINIC_A}`);
    releases[2]!();
    expect(await stale).toBe("read before A changed");
    expect(cache.peek("a")).toBeUndefined();
  });

  it("keeps no load that was running when everything was forgotten", async () => {
    const { cache, port, clock, warmUp } = setup();
    await warmUp();
    let release!: () => void;
    const answer = cache.get(
      "b",
      () => new Promise<Cached<string>>((resolve) => (release = () => resolve({ clinicId: CLINIC_B, value: "before", expiresAt: new Date(clock.now().getTime() + HOUR) }))),
      CLINIC_B,
    );
    port.reconnect();
    release();
    expect(await answer).toBe("before");
    expect(cache.peek("b")).toBeUndefined();
  });

  it("shares one load between concurrent askers of the same question", async () => {
    const { cache, loader, loads, warmUp } = setup();
    await warmUp();
    const before = loads();
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get("k", loader())));
    expect(new Set(answers).size).toBe(1);
    expect(loads()).toBe(before + 1);
  });

  it("serves an answer until its own expiry (the first time entering the notice), then reloads", async () => {
    const { cache, clock, loader, loads, warmUp } = setup();
    await warmUp();
    const before = loads();
    await cache.get("k", loader(CLINIC_A, 10 * 60_000));
    clock.advance(10 * 60_000 - 1);
    await cache.get("k", loader());
    expect(loads()).toBe(before + 1);
    clock.advance(1);
    await cache.get("k", loader());
    expect(loads()).toBe(before + 2);
  });

  it("never serves an answer older than its age limit, and keeps none already expired", async () => {
    const { cache, clock, loader, loads, warmUp } = setup({ maxAgeMs: 30_000 });
    await warmUp();
    const before = loads();
    await cache.get("k", loader());
    clock.advance(30_000);
    await cache.get("k", loader());
    expect(loads()).toBe(before + 2);
    await cache.get("gone", loader(CLINIC_A, 0));
    await cache.get("gone", loader(CLINIC_A, 0));
    expect(loads()).toBe(before + 4);
  });

  it("peeks at a fresh answer without loading, and sees nothing once it changed or expired", async () => {
    const { cache, clock, port, loader, loads, warmUp } = setup();
    await warmUp();
    expect(cache.peek("k")).toBeUndefined();
    const before = loads();
    await cache.get("k", loader(CLINIC_A, 10 * 60_000));
    expect(cache.peek("k")).toBe(`value@${before + 1}`);
    port.notify(`appointments:${CLINIC_A}`);
    expect(cache.peek("k")).toBeUndefined();
    await cache.get("k", loader(CLINIC_A, 10 * 60_000));
    clock.advance(10 * 60_000);
    expect(cache.peek("k")).toBeUndefined();
    expect(loads()).toBe(before + 2);
  });

  it("forgets everything after a lost connection: changes made meanwhile were not heard", async () => {
    const { cache, port, loader, loads, warmUp, logger } = setup();
    await warmUp();
    await cache.get("a", loader(CLINIC_A));
    const before = loads();
    port.reconnect();
    await cache.get("a", loader(CLINIC_A));
    expect(loads()).toBe(before + 1);
    expect(logger.lines.some((l) => l.level === "warn" && /cache cleared/.test(l.message ?? ""))).toBe(true);
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const { cache, loader, loads, warmUp } = setup({ maxEntries: 2 });
    await warmUp(); // "warm-up" is the first entry
    await cache.get("a", loader()); // evicts warm-up
    await cache.get("b", loader());
    await cache.get("a", loader()); // a is now the most recent
    await cache.get("c", loader()); // evicts b
    const before = loads();
    await cache.get("a", loader());
    expect(loads()).toBe(before);
    await cache.get("b", loader());
    expect(loads()).toBe(before + 1);
    expect(cache.size).toBe(2);
  });

  it("does not keep a failed load, and hands its error to every asker", async () => {
    const { cache, loader, loads, warmUp } = setup();
    await warmUp();
    const failing = () => Promise.reject(new Error("database down"));
    await expect(Promise.all([cache.get("k", failing), cache.get("k", failing)])).rejects.toThrow("database down");
    const before = loads();
    await cache.get("k", loader());
    expect(loads()).toBe(before + 1);
  });

  it("stops listening and empties on close", async () => {
    const { cache, port, loader, warmUp } = setup();
    await warmUp();
    await cache.get("k", loader());
    await cache.close();
    expect(port.port.stopped).toBe(true);
    expect(cache.size).toBe(0);
  });
});
