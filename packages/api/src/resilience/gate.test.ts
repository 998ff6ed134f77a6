import { describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "./errors";
import { ConnectionGate } from "./gate";

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    () => "granted",
    (error: unknown) => (error instanceof ServiceUnavailableError ? error.reason : "other"),
  );

describe("ConnectionGate", () => {
  it("grants up to its permits at once, then queues, and hands a released permit to the longest waiter", async () => {
    const gate = new ConnectionGate({ permits: 2, queueLimit: 2, maxWaitMs: 1_000 });
    const first = await gate.acquire();
    await gate.acquire();
    const order: string[] = [];
    const third = gate.acquire().then((release) => (order.push("third"), release));
    const fourth = gate.acquire().then((release) => (order.push("fourth"), release));
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    first();
    first(); // a second release of the same permit changes nothing
    (await third)();
    (await fourth)();
    expect(order).toEqual(["third", "fourth"]);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
  });

  it("refuses at once when the queue is full, and after the longest wait otherwise", async () => {
    const gate = new ConnectionGate({ permits: 1, queueLimit: 1, maxWaitMs: 100 });
    await gate.acquire();
    const started = performance.now();
    const waiting = settle(gate.acquire());
    expect(await settle(gate.acquire())).toBe("overloaded");
    expect(performance.now() - started).toBeLessThan(50);
    expect(await waiting).toBe("overloaded");
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
  });

  it("waits no longer than the caller has left", async () => {
    const gate = new ConnectionGate({ permits: 1, queueLimit: 5, maxWaitMs: 10_000 });
    await gate.acquire();
    const started = performance.now();
    expect(await settle(gate.acquire(50))).toBe("overloaded");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
