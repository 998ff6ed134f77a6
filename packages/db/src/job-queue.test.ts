// The job queue as the app role sees it (ADR 0021): it enqueues only through enqueue_job(), for
// the clinic in scope, and cannot read or change graphile_worker's tables. Enqueued jobs wait in
// the job outbox until the worker's drain moves them to the queue (ADR 0055).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode } from "./errors";
import { withTenant } from "./scope";
import { connectAsApp, connectAsOwner, createTestClinic, type TestClinic } from "./testing";

const { db, close } = connectAsApp();
const owner = connectAsOwner();
let a: TestClinic;
let b: TestClinic;
beforeAll(async () => {
  a = await createTestClinic(db);
  b = await createTestClinic(db);
});
afterAll(async () => {
  await close();
  await owner.close();
});

const codeOf = (work: Promise<unknown>) => work.then(() => "succeeded", (error: unknown) => postgresErrorCode(error));
const asA = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: a.clinicId, userId: null, role: "system" }, work);
/** What the worker's drain does, as the queue's role (the owner): every outbox row to the queue. */
const drain = async () => Number((await owner.db.execute<{ moved: number }>(sql`select drain_job_outbox(500) as moved`))[0]!.moved);
const jobsWithKey = async (key: string) => {
  await drain();
  return owner.db.execute<{ key: string; payload: { clinicId: string; version?: number } }>(sql`select key, payload from graphile_worker._private_jobs where key like ${`%${key}`}`);
};
const outboxRowsWithKey = (key: string) => owner.db.execute<{ clinic_id: string }>(sql`select clinic_id from job_outbox where job_key = ${key}`);

describe("enqueue_job", () => {
  it("adds the job for the clinic in scope: the payload's clinicId and the key's prefix come from the scope", async () => {
    const key = `test:${crypto.randomUUID()}`;
    // The caller claims clinic B in the payload; the scope (clinic A) wins.
    await asA((tx) => tx.execute(sql`select enqueue_job('test.task', ${JSON.stringify({ clinicId: b.clinicId })}::jsonb, null, ${key}, null)`));
    const [job] = await jobsWithKey(key);
    expect(job).toMatchObject({ key: `${a.clinicId}:${key}`, payload: { clinicId: a.clinicId } });
  });

  it("is refused without a clinic in scope, and for a malformed task name", async () => {
    expect(await codeOf(db.transaction((tx) => tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb)`)))).toBe("42501");
    expect(await codeOf(asA((tx) => tx.execute(sql`select enqueue_job('Robert''); drop table x; --', '{}'::jsonb)`)))).toBe("22023");
  });

  it("rolls back with the transaction that enqueued", async () => {
    const key = `rollback:${crypto.randomUUID()}`;
    await codeOf(
      asA(async (tx) => {
        await tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb, null, ${key}, null)`);
        throw new Error("the booking failed");
      }),
    );
    expect(await outboxRowsWithKey(key)).toEqual([]);
    expect(await jobsWithKey(key)).toEqual([]);
  });

  it("waits in the outbox, committed, until a drain moves it to the queue", async () => {
    const key = `outbox:${crypto.randomUUID()}`;
    await asA((tx) => tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb, null, ${key}, null)`));
    expect(await outboxRowsWithKey(key)).toEqual([{ clinic_id: a.clinicId }]);
    expect(await jobsWithKey(key)).toHaveLength(1);
    expect(await outboxRowsWithKey(key)).toEqual([]);
  });

  it("keeps the rows of a drain that fails before it commits, and the next drain moves each once", async () => {
    const key = `crash:${crypto.randomUUID()}`;
    await asA((tx) => tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb, null, ${key}, null)`));
    class Crash extends Error {}
    // The worker dies after moving the batch but before its commit.
    await owner.db
      .transaction(async (tx) => {
        const [moved] = await tx.execute<{ moved: number }>(sql`select drain_job_outbox(500) as moved`);
        expect(Number(moved!.moved)).toBeGreaterThan(0);
        throw new Crash();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Crash)) throw error;
      });
    expect(await outboxRowsWithKey(key)).toHaveLength(1);
    expect(await jobsWithKey(key)).toHaveLength(1);
    expect(await jobsWithKey(key)).toHaveLength(1);
  });

  it("replaces a waiting job with the latest row of its key, within one batch as across batches", async () => {
    const key = `replace:${crypto.randomUUID()}`;
    const enqueue = (version: number) => asA((tx) => tx.execute(sql`select enqueue_job('test.task', ${JSON.stringify({ version })}::jsonb, null, ${key}, null)`));
    await enqueue(1);
    await enqueue(2);
    expect((await jobsWithKey(key)).map((j) => j.payload.version)).toEqual([2]);
    await enqueue(3);
    expect((await jobsWithKey(key)).map((j) => j.payload.version)).toEqual([3]);
  });

  it("dequeue_job removes only the scope's own clinic's job", async () => {
    const key = `remove:${crypto.randomUUID()}`;
    await withTenant(db, { clinicId: b.clinicId, userId: null, role: "system" }, (tx) => tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb, null, ${key}, null)`));
    await asA((tx) => tx.execute(sql`select dequeue_job(${key})`));
    expect((await jobsWithKey(key)).map((j) => j.key)).toEqual([`${b.clinicId}:${key}`]);
  });

  it("dequeue_job also removes the clinic's job still waiting in the outbox", async () => {
    const key = `remove-waiting:${crypto.randomUUID()}`;
    await asA(async (tx) => {
      await tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb, null, ${key}, null)`);
      await tx.execute(sql`select dequeue_job(${key})`);
    });
    expect(await outboxRowsWithKey(key)).toEqual([]);
    expect(await jobsWithKey(key)).toEqual([]);
  });
});

describe("the app role on the job outbox", () => {
  it.each([
    ["drain it", sql`select drain_job_outbox(10)`],
    ["change a waiting job", sql`update job_outbox set run_at = now()`],
    ["remove a waiting job", sql`delete from job_outbox`],
  ])("cannot %s", async (_what, statement) => {
    expect(await codeOf(asA((tx) => tx.execute(statement)))).toBe("42501");
  });
});

describe("the app role on graphile_worker", () => {
  it.each([
    ["read the jobs", sql`select * from graphile_worker._private_jobs`],
    ["add a job directly", sql`select graphile_worker.add_job('test.task', '{}'::json)`],
    ["delete jobs", sql`delete from graphile_worker._private_jobs`],
  ])("cannot %s", async (_what, statement) => {
    expect(await codeOf(asA((tx) => tx.execute(statement)))).toBe("42501");
  });
});
