// Deadlines and load shedding over real HTTP against a real PostgreSQL: a request stuck behind a
// lock answers 503 with Retry-After at its deadline and writes nothing; beyond the connection
// queue a request is refused at once instead of waiting.
import { withTenant } from "@frontdesk/db";
import { appointments } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createBookableClinic, createTestDeps } from "../testing";
import { httpClient, listen } from "../testing/http";
import type { ResilienceSettings } from "../ports";

const { db, close } = connectAsApp({ max: 6 });
afterAll(() => close());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setup(resilience: ResilienceSettings) {
  const clinic = await createBookableClinic(db, { practitioners: 1 });
  const { deps, logger } = createTestDeps(db, { resilience });
  const server = await listen(deps);
  const start = "2026-12-01T09:00:00.000Z";
  const book = () =>
    httpClient(server.base).mutate("public.book", {
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      start,
      patient: { name: "Patient Waiting", email: `wait-${crypto.randomUUID().slice(0, 8)}@example.test` },
      idempotencyKey: crypto.randomUUID(),
    });
  /** Holds the booking lock of that time (as a booking that stalled would) until released. */
  const holdSlot = () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const done = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${clinic.clinicId}:${clinic.practitionerIds[0]}:${start}`}, 0))`);
      held();
      await released;
    });
    return holding.then(() => ({ release: async () => (release(), await done) }));
  };
  const stored = () => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.select().from(appointments));
  return { server, book, holdSlot, stored, logger };
}

describe("a request deadline", () => {
  it("answers 503 with Retry-After at the deadline, and the work that finishes later rolls back", async () => {
    const { server, book, holdSlot, stored } = await setup({ requestDeadlineMs: 300, gate: { permits: 4, queueLimit: 10, maxWaitMs: 1_000 } });
    const lock = await holdSlot();
    const started = performance.now();
    const response = await book();
    const ms = performance.now() - started;
    // The booking is still waiting for the lock: let it go on, insert, and reach its commit.
    await lock.release();
    await sleep(300);
    await server.close();

    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("1");
    expect(JSON.stringify(await response.json())).toContain("took too long");
    // A 300 ms deadline. Without it the booking would wait out three 1 s lock timeouts and answer
    // 409 after about 3 s; the bound leaves room for a loaded 2-core machine (about 1 s seen).
    expect(ms).toBeLessThan(2_000);
    expect(await stored()).toEqual([]);
  });
});

describe("load shedding", () => {
  it("lets a few wait briefly for a connection, and refuses the rest at once with 503", async () => {
    const { server, book, holdSlot } = await setup({ requestDeadlineMs: 5_000, gate: { permits: 1, queueLimit: 1, maxWaitMs: 200 } });
    const lock = await holdSlot();
    // The first booking takes the only connection and waits on the lock.
    const holder = book();
    await sleep(100);
    const startedAt = performance.now();
    const [waited, refused] = await Promise.all([
      book().then((response) => ({ response, ms: performance.now() - startedAt })),
      sleep(20).then(async () => {
        const response = await book();
        return { response, ms: performance.now() - startedAt };
      }),
    ]);
    await lock.release();
    expect((await holder).status).toBe(200);
    await server.close();

    expect([waited.response.status, refused.response.status]).toEqual([503, 503]);
    expect(refused.response.headers.get("Retry-After")).toBe("1");
    expect(JSON.stringify(await refused.response.json())).toContain("busy");
    // Refused without waiting; the other waited its 200 ms in the queue first.
    expect(refused.ms).toBeLessThan(waited.ms);
    expect(waited.ms).toBeGreaterThanOrEqual(190);
  });

  it("logs how long each request waited for a connection and how long it held one", async () => {
    const { server, book, holdSlot, logger } = await setup({ requestDeadlineMs: 5_000, gate: { permits: 1, queueLimit: 1, maxWaitMs: 200 } });
    const lock = await holdSlot();
    const holder = book();
    await sleep(100);
    const waited = await book();
    await sleep(100);
    await lock.release();
    expect((await holder).status).toBe(200);
    await server.close();

    expect(waited.status).toBe(503);
    const lines = logger.lines.filter((l) => l.message === "request" && l.fields.procedure === "public.book");
    const db = (status: number) => lines.find((l) => l.fields.status === status)?.fields.db as { transactions: number; waitMs: number; heldMs: number } | undefined;
    // Refused after its 200 ms at the gate: no transaction ran, the wait is in its line.
    expect([db(503)?.transactions, db(503)?.heldMs]).toEqual([0, 0]);
    expect(db(503)!.waitMs).toBeGreaterThanOrEqual(190);
    // The booking held its connection while it waited on the lock (about 400 ms).
    expect(db(200)!.transactions).toBeGreaterThanOrEqual(1);
    expect(db(200)!.heldMs).toBeGreaterThanOrEqual(300);
    expect(db(200)!.waitMs).toBeLessThan(100);
  });
});
