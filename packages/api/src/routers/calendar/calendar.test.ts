import { withTenant } from "@frontdesk/db";
import { clinics, practitioners } from "@frontdesk/db/schema";
import { connectAsApp } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "../../testing";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("calendar.range", () => {
  it("tells the calendar the clinic's locale with its zone, so times and dates read as the clinic writes them", async () => {
    const clinic = await createBookableClinic(db, { timezone: "Europe/Paris" });
    const asOwner = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, work);
    await asOwner((tx) => tx.update(clinics).set({ locale: "fr-FR" }).where(eq(clinics.id, clinic.clinicId)));
    const { deps } = createTestDeps(db);
    const desk = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;

    const week = await desk.calendar.range({ from: "2026-12-07", to: "2026-12-13" });
    expect([week.timezone, week.locale]).toEqual(["Europe/Paris", "fr-FR"]);

    // Also when there is nobody to show yet.
    await asOwner((tx) => tx.delete(practitioners).where(eq(practitioners.clinicId, clinic.clinicId)));
    const empty = await desk.calendar.range({ from: "2026-12-07", to: "2026-12-07" });
    expect(empty).toEqual({ timezone: "Europe/Paris", locale: "fr-FR", practitioners: [], appointments: [] });
  });
});
