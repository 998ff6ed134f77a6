// Phone numbers are stored in E.164, read in the clinic's country (ADR 0036), and found from any
// way of typing them; a number that cannot be one is refused, and nothing is written.
import { patients } from "@frontdesk/db/schema";
import { clinics } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWorld } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

let w: Awaited<ReturnType<typeof createStaffWorld>>;
let receptionist: Awaited<ReturnType<Awaited<ReturnType<typeof createStaffWorld>>["as"]>>;
beforeAll(async () => {
  w = await createStaffWorld(db);
  receptionist = await w.as("receptionist");
  await w.inClinic((tx) => tx.update(clinics).set({ country: "FR" }).where(eq(clinics.id, w.clinicId)));
});

describe("phone numbers on patient records", () => {
  it("are stored in E.164 from the national way of typing them", async () => {
    const created = await receptionist.patients.create({ fullName: "Inès Moreau", phone: "06 05 55 57 54" });
    expect(created.phone).toBe("+33605555754");
    const moved = await receptionist.patients.update({ patientId: created.id, phone: "0033 7 81 22 33 44" });
    expect(moved.phone).toBe("+33781223344");
    expect((await receptionist.patients.update({ patientId: created.id, phone: null })).phone).toBeNull();
    await receptionist.patients.update({ patientId: created.id, phone: "+33 6 05 55 57 54" });
  });

  it('patients.search finds "+33 6 05 55 57 54" however it is typed', async () => {
    const [ines] = (await receptionist.patients.search({ query: "Inès Moreau" })).items;
    for (const typed of ["06 05 55 57 54", "0605555754", "+33605555754", "33 6 05 55 57 54", "6 05 55 57 54", "+33 6 05 55 57 54", "06.05.55.57.54", "06 05 55"]) {
      expect((await receptionist.patients.search({ query: typed })).items.map((p) => p.id), typed).toEqual([ines!.id]);
    }
    expect((await receptionist.patients.search({ query: "06 05 55 57 55" })).items).toEqual([]);
  });

  it("refuses what cannot be a phone number with a clear message, and writes nothing", async () => {
    const count = async () => (await w.inClinic((tx) => tx.select({ id: patients.id }).from(patients))).length;
    const before = await count();
    for (const phone of ["123456", "+999 1234567", "00 00 00 00"]) {
      const error = await receptionist.patients.create({ fullName: "Nobody", phone }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, phone).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect((error as TRPCError).message).toMatch(/not a phone number we can call/);
    }
    expect(await count()).toBe(before);
  });
});
