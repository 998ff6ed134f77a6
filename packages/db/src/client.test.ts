// createDb prepares every query (see preparingAll in client.ts): checked in Postgres's own view of
// the connection's prepared statements, inside transactions and savepoints too.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "./client";
import { connectAsApp } from "./testing";

const prepared = connectAsApp({ max: 1 });
const unprepared = createDb(inject("database").appUrl, { max: 1, prepare: false });
afterAll(() => Promise.all([prepared.close(), unprepared.close()]));

/** How many prepared statements on this connection hold `marker`. */
const preparedWith = (db: typeof prepared.db, marker: string) =>
  db.execute<{ n: number }>(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`).then((rows) => rows[0]!.n);

describe("createDb", () => {
  it("prepares the app's queries, in and out of transactions and savepoints", async () => {
    const { db } = prepared;
    await db.execute(sql`select ${1}::int as outside_marker`);
    expect(await preparedWith(db, "outside_marker")).toBe(1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int as in_transaction_marker`);
      await tx.transaction((savepoint) => savepoint.execute(sql`select ${1}::int as in_savepoint_marker`));
    });
    expect(await preparedWith(db, "in_transaction_marker")).toBe(1);
    expect(await preparedWith(db, "in_savepoint_marker")).toBe(1);
  });

  it("prepares nothing when asked not to (migrations hold several commands per statement)", async () => {
    const { db } = unprepared;
    await db.execute(sql`select ${1}::int as unprepared_marker`);
    expect(await preparedWith(db, "unprepared_marker")).toBe(0);
  });
});
