// The public pages' caches (booking/clinic-cache.ts) against the real database and its
// notifications: a change made by another server process, or straight in the database, reaches
// the cached answers.
import { createDb, withTenant } from "@frontdesk/db";
import { clinics, workingHours } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { closeClinicCaches } from "../booking/clinic-cache";
import { listenWith } from "../realtime/change-hub";
import { callerFor, createBookableClinic, createTestDeps } from "../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// The test clock says 2026-11-22T09:00Z; 2026-12-01 is a Tuesday; Paris is UTC+1 in winter.
const DAY = "2026-12-01";
const at = (localTime: string) => new Date(`${DAY}T${localTime}:00+01:00`).toISOString();

/** A server process with its own pool and LISTEN connection, so its caches are on. */
function startProcess() {
  const own = createDb(inject("database").appUrl, { max: 2 });
  const test = createTestDeps(own.db, { listen: listenWith(own.client) });
  cleanups.push(async () => {
    await closeClinicCaches(test.deps.listen!);
    await own.close();
  });
  return test;
}

async function setup() {
  const clinic = await createBookableClinic(db);
  const reader = startProcess();
  const writer = startProcess();
  const slots = async () => {
    const { days } = await callerFor(reader.deps).caller.public.slots({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: DAY, to: DAY });
    return days[0]!.starts;
  };
  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
  // The first answer starts the process listening; from the second on, answers are kept.
  await slots();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { clinic, reader, writer, slots, inClinic };
}

/** Asks until `check` passes: notifications arrive asynchronously, within milliseconds. */
async function eventually(check: () => Promise<void>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe("public.slots and public.book through the caches", () => {
  it("keeps the answer, and drops it when another process books one of its times", async () => {
    const { clinic, writer, slots } = await setup();
    const before = await slots();
    expect(before).toContain(at("09:00").replace(".000Z", "Z"));

    // Both practitioners take the 09:00 time, through the other process.
    for (const practitionerId of clinic.practitionerIds) {
      await callerFor(writer.deps).caller.public.book({
        clinicSlug: clinic.slug,
        serviceId: clinic.serviceId,
        practitionerId,
        start: at("09:00"),
        patient: { name: "Léa Martin", email: `lea-${crypto.randomUUID().slice(0, 8)}@example.test` },
        idempotencyKey: crypto.randomUUID(),
      });
    }
    await eventually(async () => expect(await slots()).not.toContain(at("09:00").replace(".000Z", "Z")));
    expect((await slots()).length).toBe(before.length - 1);
  });

  it("follows working hours changed straight in the database", async () => {
    const { slots, inClinic, clinic } = await setup();
    expect((await slots())[0]).toBe(at("09:00").replace(".000Z", "Z"));
    // Tuesday hours start at 11:00 for everyone.
    await inClinic((tx) =>
      tx
        .update(workingHours)
        .set({ startTime: "11:00" })
        .where(and(eq(workingHours.clinicId, clinic.clinicId), eq(workingHours.weekday, 2))),
    );
    await eventually(async () => expect((await slots())[0]).toBe(at("11:00").replace(".000Z", "Z")));
  });

  it("follow the clinic's booking policy, in the free times and in what a booking accepts", async () => {
    const { slots, inClinic, clinic, reader } = await setup();
    const before = await slots();
    await inClinic((tx) => tx.update(clinics).set({ horizonDays: 2 }).where(eq(clinics.id, clinic.clinicId)));
    await eventually(async () => expect(await slots()).toEqual([]));
    expect(before.length).toBeGreaterThan(0);
    // The booking reads the clinic's rules from the clinic cache: the new horizon applies there too.
    const refused = await callerFor(reader.deps)
      .caller.public.book({
        clinicSlug: clinic.slug,
        serviceId: clinic.serviceId,
        start: at("10:00"),
        patient: { name: "Léa Martin", email: "lea@example.test" },
        idempotencyKey: crypto.randomUUID(),
      })
      .then(
        () => "booked",
        (error: unknown) => (error as { code?: string }).code,
      );
    expect(refused).toBe("CONFLICT");
  });
});
