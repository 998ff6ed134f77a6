// A series is confirmed by one message that lists every occurrence (ADR 0033), not one per visit.
import { patients } from "@frontdesk/db/schema";
import { afterAll, describe, expect, it } from "vitest";
import { createNotificationWorld } from "../testing/notifications";

let world: Awaited<ReturnType<typeof createNotificationWorld>> | undefined;
afterAll(() => world?.close());

describe("a series' confirmation", () => {
  it("is one e-mail listing every occurrence, and each occurrence still gets its reminders", async () => {
    world = await createNotificationWorld("series_confirmation");
    const { clinic, staff, inClinic, runJobs, mailer } = world;
    const email = `series-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const [patient] = await inClinic((tx) => tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Léa Martin", email }).returning({ id: patients.id }));
    const booked = await staff.appointments.series.book({
      serviceId: clinic.serviceId,
      practitionerId: clinic.practitionerIds[0]!,
      patientId: patient!.id,
      start: "2027-03-09T09:00:00Z",
      pattern: { everyWeeks: 1, count: 4 },
      mode: "all",
    });
    await runJobs();
    const mails = mailer.sent.filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Booked:/);
    for (const day of ["March 9, 2027, 10:00", "March 16, 2027, 10:00", "March 23, 2027, 10:00", "March 30, 2027, 10:00"]) expect(mails[0]!.text).toContain(day);
    const reminders = await Promise.all(booked.appointments.map((a) => world!.messagesOf(a.id)));
    expect(reminders.map((list) => list.filter((m) => m.kind === "reminder").length).every((n) => n > 0)).toBe(true);
  });
});
