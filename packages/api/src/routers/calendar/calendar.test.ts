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

  it("holds the appointments of the asked local days in the clinic's zone, one crossing a midnight included, and none of the days around", async () => {
    const clinic = await createBookableClinic(db, { timezone: "Pacific/Auckland" });
    const { deps } = createTestDeps(db);
    const desk = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
    const book = (start: string, practitioner = 0) =>
      desk.appointments.create({ newPatient: { name: `Patient ${start}` }, serviceId: clinic.serviceId, practitionerId: clinic.practitionerIds[practitioner]!, start });
    // Auckland is UTC+13 in December: 8 December local runs from 7 December 11:00Z to 8 December 11:00Z.
    const before = await book("2026-12-07T10:45:00Z", 1); // 7 Dec 23:45 local, ends on the 8th
    const first = await book("2026-12-07T11:00:00Z"); // 8 Dec 00:00 local
    const last = await book("2026-12-08T10:30:00Z"); // 8 Dec 23:30 local
    await book("2026-12-07T10:00:00Z"); // 7 Dec 23:00 local, over before midnight
    await book("2026-12-08T11:00:00Z"); // 9 Dec 00:00 local

    const day = await desk.calendar.range({ from: "2026-12-08", to: "2026-12-08" });
    expect(day.appointments.map((a) => a.id)).toEqual([before.id, first.id, last.id]);
    const { patientId, ...shown } = day.appointments[1]!;
    expect(patientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown).toEqual({
      id: first.id,
      practitionerId: clinic.practitionerIds[0],
      serviceId: clinic.serviceId,
      serviceName: "Consultation",
      patientName: "Patient 2026-12-07T11:00:00Z",
      start: "2026-12-07T11:00:00.000Z",
      end: "2026-12-07T11:30:00.000Z",
      status: "booked",
      source: "staff",
      version: 1,
    });
  });
});
