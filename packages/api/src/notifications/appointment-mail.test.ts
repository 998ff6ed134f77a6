// Appointment notices end to end: a change commits, the worker plans and sends, and a real SMTP
// server (smtp-server) receives the mail, read back with mailparser and ical.js.
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressedTo as to } from "../testing/smtp-peer";
import { startSmtpWorld, type SmtpWorld } from "../testing/smtp-world";

let world: SmtpWorld["world"];
let peer: SmtpWorld["peer"];
let runJobs: SmtpWorld["runJobs"];
let close: SmtpWorld["close"];

beforeAll(async () => {
  ({ world, peer, runJobs, close } = await startSmtpWorld("notifications_mail"));
});
afterAll(() => close());

function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!attachment) throw new Error("no calendar attached");
  const text = attachment.content.toString("utf8");
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  };
}

describe("appointment notices", () => {
  const email = `lea-${crypto.randomUUID().slice(0, 8)}@example.test`;
  let appointment: { id: string; version: number };

  it("a staff booking's confirmation reaches the SMTP server with the .ics attached", async () => {
    appointment = await world.book("2027-02-10T09:00:00.000Z", { email, phone: "+33 6 12 34 56 78" });
    // Nothing is sent in the request any more.
    expect(world.mailer.sent).toEqual([]);
    await runJobs();
    const [mail] = (await peer.waitFor(1)).filter(to(email));
    expect(mail!.subject).toContain("Booked: Consultation");
    expect(mail!.text).toContain("/booking/");
    expect(calendarOf(mail!)).toEqual({ method: "PUBLISH", uid: `${appointment.id}@frontdesk`, sequence: 0, status: null, start: "2027-02-10T09:00:00.000Z" });
    const rows = await world.messagesOf(appointment.id);
    const confirmation = rows.find((m) => m.kind === "confirmation")!;
    expect(confirmation).toMatchObject({ status: "sent", channel: "email", attempts: 1 });
    expect(mail!.messageId).toBe(`<${confirmation.id}@frontdesk>`);
    // The reminders wait for their time: 24 h before by e-mail (same wall time in Paris), 2 h before by SMS.
    expect(rows.filter((m) => m.kind === "reminder").map((m) => [m.channel, m.status, m.sendAt.toISOString()])).toEqual([
      ["email", "queued", "2027-02-09T09:00:00.000Z"],
      ["sms", "queued", "2027-02-10T07:00:00.000Z"],
    ]);
  });

  it("a reschedule sends a change notice with the same UID and SEQUENCE+1, and re-plans the reminders", async () => {
    const moved = await world.staff.appointments.reschedule({ id: appointment.id, version: appointment.version, start: "2027-02-11T13:00:00.000Z" });
    appointment = moved;
    const before = peer.received.length;
    await runJobs();
    const mail = (await peer.waitFor(before + 1)).slice(before).find(to(email))!;
    expect(mail.subject).toContain("Moved: Consultation");
    expect(calendarOf(mail)).toMatchObject({ method: "PUBLISH", uid: `${appointment.id}@frontdesk`, sequence: 1, start: "2027-02-11T13:00:00.000Z" });
    const reminders = (await world.messagesOf(appointment.id)).filter((m) => m.kind === "reminder");
    expect(reminders.map((m) => [m.status, m.sendAt.toISOString()])).toEqual([
      ["skipped", "2027-02-09T09:00:00.000Z"],
      ["skipped", "2027-02-10T07:00:00.000Z"],
      ["queued", "2027-02-10T13:00:00.000Z"],
      ["queued", "2027-02-11T11:00:00.000Z"],
    ]);
    // The queue holds exactly the new reminders' sends, at their new times.
    const jobs = (await world.pendingJobs()).filter((j) => j.task === "message.send");
    expect(jobs.map((j) => j.key)).toEqual(reminders.filter((m) => m.status === "queued").map((m) => `${world.clinic.clinicId}:send:${m.id}`));
  });

  it("a cancellation sends METHOD:CANCEL for the same event and removes the reminders", async () => {
    await world.staff.appointments.cancel({ id: appointment.id, version: appointment.version, reason: "Patient is ill" });
    const before = peer.received.length;
    await runJobs();
    const mail = (await peer.waitFor(before + 1)).slice(before).find(to(email))!;
    expect(mail.subject).toContain("Cancelled: Consultation");
    expect(calendarOf(mail)).toMatchObject({ method: "CANCEL", uid: `${appointment.id}@frontdesk`, sequence: 2, status: "CANCELLED" });
    const reminders = (await world.messagesOf(appointment.id)).filter((m) => m.kind === "reminder");
    expect(reminders.every((m) => m.status === "skipped")).toBe(true);
    expect((await world.pendingJobs()).filter((j) => j.task === "message.send")).toEqual([]);
    // Even long after, nothing more goes out for it.
    await world.travel(15 * 86_400_000);
    await runJobs();
    expect(peer.received.filter(to(email))).toHaveLength(3);
  });
});

describe("what decides whether a notice goes out", () => {
  it("staff can book without notifying: no confirmation, the reminders still planned", async () => {
    const booked = await world.book("2027-03-03T09:00:00.000Z", {}, { notify: false });
    await runJobs();
    const rows = await world.messagesOf(booked.id);
    expect(rows.map((m) => m.kind)).toEqual(["reminder"]);
  });

  it("a booking that rolls back enqueues nothing", async () => {
    const first = await world.book("2027-03-04T09:00:00.000Z");
    await expect(world.book("2027-03-04T09:00:00.000Z")).rejects.toMatchObject({ code: "CONFLICT" });
    const plans = (await world.pendingJobs()).filter((j) => j.task === "appointment.notify");
    expect(plans.map((j) => j.payload.appointmentId)).toEqual([first.id]);
    await runJobs();
  });

  it("an online booking is confirmed by the worker, not in the request", async () => {
    const email = `online-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const result = await world.anyone().public.book({
      clinicSlug: world.clinic.slug,
      serviceId: world.clinic.serviceId,
      start: "2027-03-05T10:00:00.000Z",
      patient: { name: "Online Patient", email },
      idempotencyKey: crypto.randomUUID(),
    });
    expect(world.mailer.sent).toEqual([]);
    const before = peer.received.length;
    await runJobs();
    const mail = (await peer.waitFor(before + 1)).slice(before).find(to(email))!;
    expect(calendarOf(mail)).toMatchObject({ uid: `${result.appointment.id}@frontdesk`, sequence: 0 });
  });
});
