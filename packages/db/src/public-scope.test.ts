// The public scope (a patient booking online, migration 0012): it may add a patient to its clinic
// and learn the id behind an e-mail through booking_patient_id(), but never read, change or remove
// a patient, even with queries that forget to filter.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patients } from "./schema";
import { withTenant, type TenantScope } from "./scope";
import { connectAsApp, createTestClinic, type TestClinic } from "./testing";

const { db, close } = connectAsApp();
let a: TestClinic;
let b: TestClinic;
const known: Record<"a" | "b", string> = { a: "", b: "" };

const publicOf = (clinic: TestClinic): TenantScope => ({ clinicId: clinic.clinicId, userId: null, role: "public" });
const ownerOf = (clinic: TestClinic): TenantScope => ({ clinicId: clinic.clinicId, userId: clinic.ownerUserId, role: "owner" });

beforeAll(async () => {
  a = await createTestClinic(db);
  b = await createTestClinic(db);
  for (const [key, clinic] of [["a", a], ["b", b]] as const) {
    const [row] = await withTenant(db, ownerOf(clinic), (tx) =>
      tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Léa Martin", email: "Lea@Example.test" }).returning({ id: patients.id }),
    );
    known[key] = row!.id;
  }
});
afterAll(() => close());

const lookUp = (scope: TenantScope, clinicId: string, email: string) =>
  withTenant(db, scope, async (tx) => (await tx.execute<{ id: string | null }>(sql`select booking_patient_id(${clinicId}, ${email}) as id`))[0]?.id ?? null);

describe("patients in the public scope", () => {
  it("reads none, though staff of the same clinic read them all", async () => {
    expect(await withTenant(db, publicOf(a), (tx) => tx.select().from(patients))).toEqual([]);
    const staffSees = await withTenant(db, ownerOf(a), (tx) => tx.select({ id: patients.id }).from(patients));
    expect(staffSees.map((p) => p.id)).toContain(known.a);
  });

  it("changes and removes none", async () => {
    const updated = await withTenant(db, publicOf(a), (tx) => tx.update(patients).set({ fullName: "Changed" }).returning({ id: patients.id }));
    const deleted = await withTenant(db, publicOf(a), (tx) => tx.delete(patients).where(eq(patients.id, known.a)).returning({ id: patients.id }));
    expect([updated, deleted]).toEqual([[], []]);
    const [still] = await withTenant(db, ownerOf(a), (tx) => tx.select({ fullName: patients.fullName }).from(patients).where(eq(patients.id, known.a)));
    expect(still?.fullName).toBe("Léa Martin");
  });

  it("adds a patient to its own clinic, and only there", async () => {
    const id = crypto.randomUUID();
    await withTenant(db, publicOf(a), (tx) => tx.insert(patients).values({ id, clinicId: a.clinicId, fullName: "New Patient", email: "new@example.test" }));
    const [added] = await withTenant(db, ownerOf(a), (tx) => tx.select({ id: patients.id }).from(patients).where(eq(patients.id, id)));
    expect(added?.id).toBe(id);
    const elsewhere = await withTenant(db, publicOf(a), (tx) => tx.insert(patients).values({ clinicId: b.clinicId, fullName: "Intruder" })).then(
      () => "inserted",
      (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code,
    );
    expect(elsewhere).toBe("42501");
  });

  it("learns only the id behind an e-mail, of its own clinic", async () => {
    expect(await lookUp(publicOf(a), a.clinicId, "lea@example.test")).toBe(known.a);
    expect(await lookUp(publicOf(a), a.clinicId, "someone-else@example.test")).toBeNull();
    // Clinic B's patient, asked for from clinic A's scope: row-level security still applies.
    expect(await lookUp(publicOf(a), b.clinicId, "lea@example.test")).toBeNull();
    expect(await lookUp(publicOf(b), b.clinicId, "lea@example.test")).toBe(known.b);
  });

  it("is not given an archived patient", async () => {
    const id = crypto.randomUUID();
    await withTenant(db, ownerOf(a), (tx) =>
      tx.insert(patients).values({ id, clinicId: a.clinicId, fullName: "Gone", email: "gone@example.test", archivedAt: new Date() }),
    );
    expect(await lookUp(publicOf(a), a.clinicId, "gone@example.test")).toBeNull();
  });
});
