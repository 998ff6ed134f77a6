// Brand images in the database's scopes (migration 0034, ADR 0049): the booking page's public
// scope sees only the images a clinic published and writes none; among staff only owners and
// admins write them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode } from "./errors";
import { clinicImages } from "./schema";
import { withTenant, type ScopeRole } from "./scope";
import { connectAsApp, createTestClinic, type TestClinic } from "./testing";

const { db, close } = connectAsApp();
let clinic: TestClinic;
const ids = { published: "", draft: "" };

const as = (role: ScopeRole) => ({ clinicId: clinic.clinicId, userId: role === "public" ? null : clinic.ownerUserId, role });
const image = (published: boolean) => ({
  clinicId: clinic.clinicId,
  purpose: "logo",
  contentType: "image/png",
  bytes: new Uint8Array([137, 80, 78, 71]),
  sha256: "a".repeat(64),
  byteSize: 4,
  width: 1,
  height: 1,
  published,
});

beforeAll(async () => {
  clinic = await createTestClinic(db);
  for (const [key, published] of [["published", true], ["draft", false]] as const) {
    const [row] = await withTenant(db, as("owner"), (tx) => tx.insert(clinicImages).values(image(published)).returning({ id: clinicImages.id }));
    ids[key] = row!.id;
  }
});
afterAll(() => close());

async function refusal(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    return postgresErrorCode(error);
  }
  return undefined;
}

describe("clinic images", () => {
  it("shows the public scope the published image only, and staff both", async () => {
    const seen = (role: ScopeRole) => withTenant(db, as(role), (tx) => tx.select({ id: clinicImages.id }).from(clinicImages));
    expect((await seen("public")).map((r) => r.id)).toEqual([ids.published]);
    expect((await seen("receptionist")).map((r) => r.id)).toEqual(expect.arrayContaining([ids.published, ids.draft]));
  });

  it("lets neither the public scope nor a receptionist add or publish one", async () => {
    for (const role of ["public", "receptionist"] as const) {
      expect(await refusal(withTenant(db, as(role), (tx) => tx.insert(clinicImages).values(image(false)))), role).toBe("42501");
    }
    expect(await refusal(withTenant(db, as("receptionist"), (tx) => tx.update(clinicImages).set({ published: true }).where(eq(clinicImages.id, ids.draft))))).toBe("42501");
    // The public scope does not even see the draft it would publish.
    const touched = await withTenant(db, as("public"), (tx) => tx.update(clinicImages).set({ published: true }).where(eq(clinicImages.id, ids.draft)).returning({ id: clinicImages.id }));
    expect(touched).toEqual([]);
  });

  it("keeps one published logo per clinic", async () => {
    expect(await refusal(withTenant(db, as("admin"), (tx) => tx.insert(clinicImages).values(image(true))))).toBe("23505");
  });
});
