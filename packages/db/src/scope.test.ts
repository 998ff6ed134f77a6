import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, fixedStatement } from "./client";
import { patients, sessions } from "./schema";
import { ScopeError, withIdentity, withTenant } from "./scope";
import { connectAsApp, createTestClinic, type TestClinic } from "./testing";

// One connection, so every transaction below reuses the same pooled session.
const { db, close } = connectAsApp({ max: 1 });
let clinic: TestClinic;
beforeAll(async () => {
  clinic = await createTestClinic(db);
});
afterAll(() => close());

const scope = () => ({ clinicId: clinic.clinicId, userId: clinic.ownerUserId, role: "owner" as const });

describe("withTenant", () => {
  it("sets the clinic, user and role for the transaction only", async () => {
    const inside = await withTenant(db, scope(), (tx) =>
      tx.execute<{ clinic: string; user: string; role: string }>(
        sql`select current_setting('app.clinic_id') as clinic, current_setting('app.user_id') as user, current_setting('app.role') as role`,
      ),
    );
    expect(inside[0]).toEqual({ clinic: clinic.clinicId, user: clinic.ownerUserId, role: "owner" });
    // The next transaction on the same pooled connection inherits nothing.
    const after = await db.transaction((tx) =>
      tx.execute<{ clinic: string }>(sql`select current_setting('app.clinic_id', true) as clinic`),
    );
    expect(after[0]?.clinic ?? "").toBe("");
    expect(await db.transaction((tx) => tx.select().from(patients))).toEqual([]);
  });

  it("is in place for the work's first statements, sent in the same round trip as the settings", async () => {
    const name = `First Statement ${crypto.randomUUID()}`;
    await withTenant(db, scope(), (tx) => tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: name }));
    // Issued the moment the work starts (.execute(), as a booking issues its writes), before
    // anything is awaited: each must already see the clinic.
    const [builder, raw, [inserted]] = await withTenant(db, scope(), (tx) =>
      Promise.all([
        tx.select({ fullName: patients.fullName }).from(patients).execute(),
        tx.execute<{ role: string }>(sql`select current_setting('app.role') as role`).execute(),
        tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: `${name} 2` }).returning({ fullName: patients.fullName }).execute(),
      ]),
    );
    expect(builder.map((p) => p.fullName)).toContain(name);
    expect(raw[0]?.role).toBe("owner");
    expect(inserted?.fullName).toBe(`${name} 2`);
  });

  it("is in place for a fixed statement issued at once, which runs in the transaction and rolls back with it", async () => {
    const sees = fixedStatement<{ clinic: string; patients: number }>("select current_setting('app.clinic_id') as clinic, (select count(*)::int from patients where full_name = $1) as patients");
    const insert = fixedStatement("insert into patients (clinic_id, full_name) values ($1, $2)");
    const name = `Fixed ${crypto.randomUUID()}`;
    const failed = withTenant(db, scope(), async (tx) => {
      const [, [seen]] = await Promise.all([insert(tx, [clinic.clinicId, name]), sees(tx, [name])]);
      expect(seen).toEqual({ clinic: clinic.clinicId, patients: 1 });
      throw new Error("roll back");
    });
    await expect(failed).rejects.toThrow("roll back");
    const [after] = await withTenant(db, scope(), (tx) => sees(tx, [name]));
    expect(after?.patients).toBe(0);
  });

  it("rolls back everything when the work throws", async () => {
    const name = `Rolled Back ${crypto.randomUUID()}`;
    await expect(
      withTenant(db, scope(), async (tx) => {
        await tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: name });
        throw new Error("handler failed");
      }),
    ).rejects.toThrow("handler failed");
    const rows = await withTenant(db, scope(), (tx) => tx.select().from(patients));
    expect(rows.map((p) => p.fullName)).not.toContain(name);
  });

  it.each([
    [{ clinicId: "not-a-uuid", userId: null, role: "owner" }, "clinicId must be a UUID"],
    [{ clinicId: "00000000-0000-0000-0000-000000000000'; drop table patients; --", userId: null, role: "owner" }, "clinicId must be a UUID"],
    [{ clinicId: crypto.randomUUID(), userId: "42", role: "owner" }, "userId must be a UUID or null"],
    [{ clinicId: crypto.randomUUID(), userId: null, role: "superuser" }, "role must be one of owner, admin, receptionist, practitioner, public, system"],
  ])("refuses a malformed scope %j before any query", async (badScope, message) => {
    // A client whose server does not exist: any query would fail with a connection error instead.
    const unreachable = createDb("postgres://nobody:nothing@127.0.0.1:1/none", { max: 1 });
    try {
      await expect(withTenant(unreachable.db, badScope as never, () => Promise.resolve())).rejects.toThrow(
        new ScopeError(message),
      );
    } finally {
      await unreachable.close();
    }
  });
});

describe("withIdentity", () => {
  it("reaches a session by its id, and no other session", async () => {
    const other = await createTestClinic(db);
    const visible = await withIdentity(db, { sessionId: clinic.sessionId }, (tx) => tx.select({ id: sessions.id }).from(sessions));
    expect(visible).toEqual([{ id: clinic.sessionId }]);
    const none = await withIdentity(db, {}, (tx) => tx.select({ id: sessions.id }).from(sessions));
    expect(none).toEqual([]);
    const mine = await withIdentity(db, { userId: other.ownerUserId }, (tx) => tx.select({ id: sessions.id }).from(sessions));
    expect(mine).toEqual([{ id: other.sessionId }]);
  });

  it("shows no tenant rows: there is no clinic in scope", async () => {
    const rows = await withIdentity(db, { userId: clinic.ownerUserId }, (tx) => tx.select().from(patients));
    expect(rows).toEqual([]);
  });
});
