// Lookups on every booking must use their whole index under row-level security, where PostgreSQL
// will not use an index on a non-leakproof expression (lower(email)) ahead of the policy: such a
// lookup reads every row of the clinic, and gets slower with every patient the clinic gains.
// (The busy-times lookup is checked where its query is built: api's booking/availability.test.ts.)
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patients } from "./schema";
import { withTenant } from "./scope";
import { connectAsApp, connectAsOwner, createTestClinic, indexConditions, type TestClinic } from "./testing";

const { db, close } = connectAsApp({ max: 1 });
const owner = connectAsOwner();
let clinic: TestClinic;
beforeAll(async () => {
  clinic = await createTestClinic(db);
});
afterAll(async () => {
  await close();
  await owner.close();
});

describe("indexes under row-level security", () => {
  it("finds a clinic's patient by e-mail through the index on clinic and e-mail key", async () => {
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Léa Martin", email: "Lea.Martin@Example.test" }),
    );
    // The primary key (clinic_id, id) also leads with the clinic: with a handful of rows both
    // indexes cost the same. With a few hundred patients, and statistics, only the e-mail index
    // narrows the search to one.
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) =>
      tx.insert(patients).values(Array.from({ length: 300 }, (_, i) => ({ clinicId: clinic.clinicId, fullName: `Other ${i}`, email: `other-${i}@example.test` }))),
    );
    await owner.db.execute(sql`analyze patients`);
    // The query of booking_patient_id() (migration 0012), as it runs: as the owner, in the public
    // scope, row-level security forced on it.
    const conditions = await indexConditions(owner.db, { clinicId: clinic.clinicId, userId: null, role: "public" }, (tx) =>
      tx
        .select({ id: patients.id })
        .from(patients)
        .where(
          and(
            eq(patients.clinicId, clinic.clinicId),
            eq(patients.clinicId, sql`nullif(current_setting('app.clinic_id', true), '')::uuid`),
            eq(patients.emailKey, "lea.martin@example.test"),
            isNull(patients.archivedAt),
          ),
        )
        .orderBy(patients.createdAt, patients.id)
        .limit(1),
    );
    expect(conditions.some((condition) => condition.includes("clinic_id") && condition.includes("email_key"))).toBe(true);
  });

  it("keeps the e-mail key lower-cased by the database itself", async () => {
    const [row] = await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) =>
      tx
        .insert(patients)
        .values({ clinicId: clinic.clinicId, fullName: "Jon Doe", email: "JON@Example.TEST" })
        .returning({ emailKey: patients.emailKey }),
    );
    expect(row?.emailKey).toBe("jon@example.test");
  });
});
