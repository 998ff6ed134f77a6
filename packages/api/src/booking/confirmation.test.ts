// The confirmation e-mail's calendar file, over real HTTP and the job worker: the same event as
// the booking page's download (the web builds it from the same answer with the same domain
// function, see apps/web BookingPage.test.tsx), byte for byte but for the manage link (each
// message carries its own), readable by a real iCalendar parser, no line over 75 octets.
import { withTenant } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { appointmentCalendarFile, type BookedAppointment } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { httpClient, listen } from "../testing/http";
import { createNotificationWorld } from "../testing/notifications";

let world: Awaited<ReturnType<typeof createNotificationWorld>> | undefined;
afterAll(() => world?.close());

describe("the confirmation e-mail's .ics", () => {
  it("is byte for byte the booking page's download but for the link, parses, and keeps every line within 75 octets", async () => {
    world = await createNotificationWorld("confirmation_ics");
    const { db, clinic, deps, mailer, clock } = world;
    // A long, accented address with a comma: escaping and folding both have work to do.
    const address = "Cabinet médical du Parc, 12 rue de la Santé, Bâtiment B, escalier C, 75013 Paris";
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set({ address }).where(eq(clinics.id, clinic.clinicId)));
    const server = await listen(deps);
    try {
      const client = httpClient(server.base);
      const email = `ics-${crypto.randomUUID().slice(0, 8)}@example.test`;
      const booked = await client.mutate("public.book", {
        clinicSlug: clinic.slug,
        serviceId: clinic.serviceId,
        start: "2027-01-12T09:00:00.000Z",
        patient: { name: "Léa Martin", email },
        idempotencyKey: crypto.randomUUID(),
      });
      expect(booked.status).toBe(200);
      const answer = ((await booked.json()) as { result: { data: BookedAppointment } }).result.data;
      // What the booking page has in hand: the answer above and the clinic's public page.
      const page = await client.query("public.clinic", { clinicSlug: clinic.slug });
      const publicClinic = ((await page.json()) as { result: { data: { name: string; address: string | null } } }).result.data;

      await world.runJobs();
      const mail = mailer.lastTo(email);
      const attachment = mail.attachments?.[0];
      expect(attachment).toMatchObject({ filename: "appointment.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH" });
      const mailed = String(attachment?.content);
      const mailedLink = /\/booking\/(\S+)/.exec(mail.text)?.[1];
      expect(mailedLink).toBeDefined();
      const downloaded = appointmentCalendarFile({ booking: answer, clinic: publicClinic, now: clock.now() });
      // Same length tokens fold at the same places; unfolded, only the link may differ.
      const unfold = (ics: string) => ics.replace(/\r\n /g, "");
      const sameLink = unfold(mailed).split(mailedLink!).join(answer.manageUrl.split("/booking/")[1]);
      expect(Buffer.from(sameLink, "utf8").equals(Buffer.from(unfold(downloaded), "utf8"))).toBe(true);

      for (const line of mailed.slice(0, -2).split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(mailed) as unknown[]).getFirstSubcomponent("vevent")!);
      expect(event.uid).toBe(`${answer.appointment.id}@frontdesk`);
      expect(event.startDate.toJSDate().toISOString()).toBe("2027-01-12T09:00:00.000Z");
      expect(event.endDate.toJSDate().toISOString()).toBe(answer.appointment.end);
      expect(event.location).toBe(`Clinic ${clinic.slug}, ${address}`);
      expect(event.description).toBe(`Change or cancel: ${deps.publicUrl}/booking/${mailedLink!}`);
    } finally {
      await server.close();
    }
  });
});
