// The job queue as the app role sees it (ADR 0021): it enqueues only through enqueue_job(), for
// the clinic in scope, and cannot read or change graphile_worker's tables.
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
const jobsWithKey = (key: string) =>
  owner.db.execute<{ key: string; payload: { clinicId: string; claimed?: string } }>(sql`select key, payload from graphile_worker._private_jobs where key like ${`%${key}`}`);

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
    expect(await jobsWithKey(key)).toEqual([]);
  });

  it("dequeue_job removes only the scope's own clinic's job", async () => {
    const key = `remove:${crypto.randomUUID()}`;
    await withTenant(db, { clinicId: b.clinicId, userId: null, role: "system" }, (tx) => tx.execute(sql`select enqueue_job('test.task', '{}'::jsonb, null, ${key}, null)`));
    await asA((tx) => tx.execute(sql`select dequeue_job(${key})`));
    expect((await jobsWithKey(key)).map((j) => j.key)).toEqual([`${b.clinicId}:${key}`]);
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
