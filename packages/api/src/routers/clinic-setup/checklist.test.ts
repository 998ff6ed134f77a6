import { withTenant } from "@frontdesk/db";
import { eq } from "drizzle-orm";
import { appointments, practitionerServices, services, workingHours } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { codeOf, createStaffWorld } from "../../testing/staff-world";

const { db, close } = connectAsApp();
afterAll(() => close());

describe("clinic.setup.checklist", () => {
  it("shows how far a clinic is, and each warning exactly as long as its cause", async () => {
    const { as, inClinic, staffed } = await createStaffWorld(db);
    const owner = await as("owner");
    const { practitionerId, serviceId, clinicId } = staffed.clinic;
    // The fixture clinic: Dr Test works Mondays and offers Consultation; Follow-up is offered by nobody.
    const first = await owner.clinic.setup.checklist();
    expect(first).toMatchObject({ slug: staffed.clinic.slug, completed: 3, total: 4 });
    expect(first.steps).toEqual([
      { step: "services", done: true },
      { step: "practitioners", done: true },
      { step: "hours", done: true },
      { step: "share", done: false },
    ]);
    expect(first.warnings).toEqual([{ kind: "service_nobody_offers", id: staffed.clinic.otherServiceId, name: "Follow-up" }]);

    // Hours gone: the practitioner's warning appears, and nothing can be booked online any more.
    await inClinic((tx) => tx.delete(workingHours).where(eq(workingHours.practitionerId, practitionerId)));
    const noHours = await owner.clinic.setup.checklist();
    expect(noHours.steps.find((s) => s.step === "hours")).toEqual({ step: "hours", done: false });
    expect(noHours.warnings.map((w) => w.kind)).toEqual(["practitioner_without_hours", "service_nobody_offers", "nothing_bookable_online"]);
    expect(noHours.warnings[0]).toEqual({ kind: "practitioner_without_hours", id: practitionerId, name: "Dr Test" });

    // Fixed: hours back, Follow-up offered; then a first online booking completes the list.
    await inClinic(async (tx) => {
      await tx.insert(workingHours).values({ clinicId, practitionerId, weekday: 2, startTime: "09:00", endTime: "12:00" });
      await tx.insert(practitionerServices).values({ clinicId, practitionerId, serviceId: staffed.clinic.otherServiceId });
    });
    expect(await owner.clinic.setup.checklist()).toMatchObject({ completed: 3, warnings: [] });
    await inClinic((tx) =>
      tx.insert(appointments).values({
        clinicId,
        practitionerId,
        serviceId,
        patientId: staffed.clinic.patientId,
        startsAt: new Date("2030-01-08T08:00:00Z"),
        endsAt: new Date("2030-01-08T08:30:00Z"),
        blockedFrom: new Date("2030-01-08T08:00:00Z"),
        blockedTo: new Date("2030-01-08T08:30:00Z"),
        source: "online",
      }),
    );
    const finished = await owner.clinic.setup.checklist();
    expect(finished).toMatchObject({ completed: 4, total: 4, warnings: [] });
  });

  it("counts only the active clinic's rows, and is for owners and admins", async () => {
    const { as } = await createStaffWorld(db);
    // Another clinic's practitioner without hours, and its online booking, change nothing here.
    const other = await createTestClinic(db);
    await withTenant(db, { clinicId: other.clinicId, userId: null, role: "owner" }, async (tx) => {
      await tx.delete(workingHours).where(eq(workingHours.clinicId, other.clinicId));
      await tx.update(appointments).set({ source: "online" }).where(eq(appointments.clinicId, other.clinicId));
    });
    const mine = await (await as("admin")).clinic.setup.checklist();
    expect(mine.warnings).toHaveLength(1);
    expect(mine.steps.find((s) => s.step === "share")).toEqual({ step: "share", done: false });
    for (const role of ["receptionist", "practitioner"] as const) {
      expect(await codeOf((await as(role)).clinic.setup.checklist())).toBe("FORBIDDEN");
    }
  });

  it("warns that nothing is bookable when every service is staff-only", async () => {
    const { as, inClinic, staffed } = await createStaffWorld(db);
    await inClinic((tx) => tx.update(services).set({ bookableOnline: false }).where(eq(services.clinicId, staffed.clinic.clinicId)));
    const result = await (await as("owner")).clinic.setup.checklist();
    expect(result.warnings.map((w) => w.kind)).toContain("nothing_bookable_online");
  });
});
