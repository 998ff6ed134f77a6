// What the app role cannot do, even with a clinic in scope: rewrite history, change the schema,
// or switch row-level security off.
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode } from "./errors";
import { withTenant } from "./scope";
import { connectAsApp, createTestClinic, type TestClinic } from "./testing";

const { db, close } = connectAsApp();
let clinic: TestClinic;
beforeAll(async () => {
  clinic = await createTestClinic(db);
});
afterAll(() => close());

async function errorCodeOf(...statements: SQL[]): Promise<string | undefined> {
  try {
    await withTenant(db, { clinicId: clinic.clinicId, userId: clinic.ownerUserId, role: "owner" }, async (tx) => {
      for (const statement of statements) await tx.execute(statement);
    });
  } catch (error) {
    return postgresErrorCode(error);
  }
  return "succeeded";
}

describe("frontdesk_app", () => {
  it.each([
    ["update the audit log", sql`update audit_log set action = 'nothing happened'`],
    ["delete from the audit log", sql`delete from audit_log`],
    ["truncate a table", sql`truncate patients`],
    ["alter a table", sql`alter table patients add column leaked text`],
    ["disable row-level security", sql`alter table patients disable row level security`],
    ["stop forcing row-level security", sql`alter table patients no force row level security`],
    ["drop a policy", sql`drop policy tenant_isolation on patients`],
    ["create a table", sql`create table scratch (id int)`],
    ["create a role", sql`create role intruder login superuser`],
    ["rewrite applied migrations", sql`delete from drizzle.__drizzle_migrations`],
  ])("cannot %s", async (_what, statement) => {
    expect(await errorCodeOf(statement)).toBe("42501");
  });

  it("cannot turn row security off for its session", async () => {
    const code = await errorCodeOf(sql`set local row_security = off`, sql`select * from patients`);
    // Postgres refuses the query rather than silently returning every clinic's rows.
    expect(code).toBe("42501");
  });

  it("can append to the audit log and read its own clinic's entries", async () => {
    const rows = await withTenant(db, { clinicId: clinic.clinicId, userId: clinic.ownerUserId, role: "owner" }, async (tx) => {
      await tx.execute(sql`insert into audit_log (clinic_id, actor_kind, action, entity) values (${clinic.clinicId}, 'user', 'view', 'patient')`);
      return tx.execute<{ action: string }>(sql`select action from audit_log order by id`);
    });
    expect(rows.map((r) => r.action)).toEqual(["create", "view"]);
  });
});
