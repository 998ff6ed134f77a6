// createDb against a PostgreSQL that goes away and comes back (ADR 0018): queries fail fast while
// it is down, the pool is back within a second of the server, and a backend dying mid-query
// neither crashes the process nor leaves the pool unable to start the next transaction.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, reconnectDelaySeconds } from "./client";
import { startTestServer, type TestServer } from "./testing/server";

let pg: TestServer;
let pool: ReturnType<typeof createDb>;
beforeAll(async () => {
  pg = await startTestServer();
  pool = createDb(pg.urls.appUrl, { max: 4, connectTimeoutMs: 1_000 });
}, 60_000);
afterAll(async () => {
  await pool?.close();
  await pg?.stop();
});

const ping = () => pool.db.execute(sql`select 1 as one`);
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { ...result, ms: performance.now() - started };
};

describe("createDb when PostgreSQL restarts", () => {
  it("fails fast while the server is down and works again within a second of its return", async () => {
    await Promise.all(Array.from({ length: 4 }, ping));
    await pg.pause();
    const down = await timed(ping);
    expect(down.ok).toBe(false);
    // Refused at once when nothing listens; the connect timeout (1 s here) bounds the rest.
    expect(down.ms).toBeLessThan(1_500);
    await pg.resume();
    // Every pooled connection was lost: each must come back without a long back-off timer.
    const back = await timed(() => Promise.all(Array.from({ length: 4 }, ping)));
    expect(back.ok).toBe(true);
    expect(back.ms).toBeLessThan(1_000);
  }, 30_000);

  it("waits at most the cap between reconnect attempts, however many failed before", () => {
    for (const failures of [1, 5, 20, 100]) {
      const seconds = reconnectDelaySeconds(failures, 250);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(0.25);
    }
    expect(reconnectDelaySeconds(1, 250)).toBeLessThanOrEqual(0.05);
  });

  it("survives backends terminated mid-transaction, and the next transaction always starts", async () => {
    const fixture = fileURLToPath(new URL("./testing/terminate-mid-transaction.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture, pg.urls.superUrl], { cwd: fileURLToPath(new URL("../../..", import.meta.url)) });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(0);
    const { outcomes } = JSON.parse(output.trim().split("\n").at(-1)!) as { outcomes: string[] };
    // Unpatched postgres.js 3.4.9 dies in the first round (TypeError in nextWrite) or hangs in the third.
    expect(outcomes).toEqual(Array.from({ length: 6 }, () => "CONNECTION_CLOSED"));
  }, 60_000);
});
