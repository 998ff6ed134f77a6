// The notification procedures against the real database and worker: an appointment's messages,
// failures and retry, the clinic's reminder settings, members' preferences, and the two links
// every patient message carries (confirm, opt out).
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendRefusedError, type Channel } from "../../notifications/channels";
import { callerFor, createBookableClinic, sessionFor } from "../../testing";
import { createNotificationWorld } from "../../testing/notifications";

let world: Awaited<ReturnType<typeof createNotificationWorld>>;
let owner: Awaited<ReturnType<typeof ownerCaller>>;
const ownerCaller = async () => callerFor(world.deps, await sessionFor(world.deps, world.clinic.ownerUserId, world.clinic.clinicId)).caller;

beforeAll(async () => {
  world = await createNotificationWorld("notifications_procedures");
  owner = await ownerCaller();
});
afterAll(() => world.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
const refusing: Channel = { send: () => Promise.reject(new SendRefusedError("The mail server refused the message (550)")) };
const linkIn = (text: string, path: string) => new RegExp(`/${path}/([A-Za-z0-9._~-]+)`).exec(text)?.[1] ?? "";

describe("notifications.messages", () => {
  it("lists an appointment's messages, oldest first, without their text", async () => {
    const appointment = await world.book("2027-04-06T08:00:00.000Z", { phone: "+33 6 12 34 56 78" });
    await world.runJobs();
    const list = await world.staff.notifications.messages.forAppointment({ appointmentId: appointment.id });
    expect(list.map((m) => [m.kind, m.channel, m.status])).toEqual([
      ["confirmation", "email", "sent"],
      ["reminder", "email", "queued"],
      ["reminder", "sms", "queued"],
    ]);
    expect(JSON.stringify(list)).not.toContain("Booked:");
  });

  it("answers NOT_FOUND for another clinic's appointment or none", async () => {
    const other = await createBookableClinic(world.db);
    const { appointmentId } = await (async () => {
      const caller = callerFor(world.deps, await sessionFor(world.deps, other.receptionistUserId, other.clinicId)).caller;
      const made = await caller.appointments.create({
        practitionerId: other.practitionerIds[0]!,
        serviceId: other.serviceId,
        start: "2027-04-07T08:00:00.000Z",
        newPatient: { name: "Other Patient", email: "other@example.test" },
      });
      return { appointmentId: made.id };
    })();
    expect(await codeOf(world.staff.notifications.messages.forAppointment({ appointmentId }))).toBe("NOT_FOUND");
    expect(await codeOf(world.staff.notifications.messages.forAppointment({ appointmentId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(world.staff.notifications.messages.forAppointment({ appointmentId: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });

  it("lists failures, and a retry sends a failed message again", async () => {
    const appointment = await world.book("2027-04-08T08:00:00.000Z");
    await world.runJobs({ channels: { email: refusing } });
    const failed = await world.staff.notifications.messages.failed({});
    const confirmation = failed.find((m) => m.appointmentId === appointment.id)!;
    expect(confirmation).toMatchObject({ kind: "confirmation", status: "failed", failureReason: "The mail server refused the message (550)" });

    const retried = await world.staff.notifications.messages.retry({ messageId: confirmation.id });
    expect(retried).toMatchObject({ status: "queued", attempts: 0, failureReason: null });
    await world.runJobs();
    const [after] = (await world.staff.notifications.messages.forAppointment({ appointmentId: appointment.id })).filter((m) => m.kind === "confirmation");
    expect(after).toMatchObject({ status: "sent", attempts: 1 });
    // Only a failed message can be retried, and only the clinic's own.
    expect(await codeOf(world.staff.notifications.messages.retry({ messageId: confirmation.id }))).toBe("BAD_REQUEST");
    expect(await codeOf(world.staff.notifications.messages.retry({ messageId: crypto.randomUUID() }))).toBe("NOT_FOUND");
  });
});

describe("notifications.settings", () => {
  it("starts from the defaults, and admins change offsets and quiet hours that new plans follow", async () => {
    const fresh = await createBookableClinic(world.db);
    const freshOwner = callerFor(world.deps, await sessionFor(world.deps, fresh.ownerUserId, fresh.clinicId)).caller;
    expect(await freshOwner.notifications.settings.get()).toMatchObject({
      reminders: [
        { minutesBefore: 1440, channel: "email" },
        { minutesBefore: 120, channel: "sms" },
      ],
      quietHours: null,
    });
    const saved = await owner.notifications.settings.update({ reminders: [{ minutesBefore: 180, channel: "sms" }], quietHours: { start: 21 * 60, end: 8 * 60 } });
    expect(saved).toMatchObject({ reminders: [{ minutesBefore: 180, channel: "sms" }], quietHours: { start: 1260, end: 480 } });
    // 09:30 in Paris: three hours before is 06:30, inside quiet hours, so the SMS goes the evening before at 20:59.
    const appointment = await world.book("2027-04-09T07:30:00.000Z", { phone: "+33612345678" });
    await world.runJobs();
    const reminders = (await world.messagesOf(appointment.id)).filter((m) => m.kind === "reminder");
    expect(reminders.map((m) => [m.channel, m.sendAt.toISOString()])).toEqual([["sms", "2027-04-08T18:59:00.000Z"]]);
  });

  it("refuses settings that cannot work, and lets only admins change them", async () => {
    const bad = [
      { reminders: [{ minutesBefore: 2, channel: "email" as const }], quietHours: null },
      { reminders: [], quietHours: { start: 600, end: 600 } },
      {
        reminders: [
          { minutesBefore: 60, channel: "sms" as const },
          { minutesBefore: 60, channel: "sms" as const },
        ],
        quietHours: null,
      },
      { reminders: [], quietHours: { start: -1, end: 1440 } },
    ];
    for (const input of bad) expect(await codeOf(owner.notifications.settings.update(input))).toBe("BAD_REQUEST");
    expect(await codeOf(world.staff.notifications.settings.update({ reminders: [], quietHours: null }))).toBe("FORBIDDEN");
  });
});

describe("notifications.preferences and the staff's notice of an online booking", () => {
  it("e-mails the members who asked for it, and only them", async () => {
    expect(await world.staff.notifications.preferences.get()).toEqual({ newOnlineBookingEmail: false });
    expect(await world.staff.notifications.preferences.update({ newOnlineBookingEmail: true })).toEqual({ newOnlineBookingEmail: true });
    const result = await world.anyone().public.book({
      clinicSlug: world.clinic.slug,
      serviceId: world.clinic.serviceId,
      start: "2027-04-12T08:00:00.000Z",
      patient: { name: "Online Patient", email: `online-${crypto.randomUUID().slice(0, 8)}@example.test` },
      idempotencyKey: crypto.randomUUID(),
    });
    await world.runJobs();
    const staffNotices = (await world.messagesOf(result.appointment.id)).filter((m) => m.kind === "staff_new_booking");
    expect(staffNotices).toHaveLength(1);
    const mail = world.mailer.lastTo(staffNotices[0]!.recipient);
    expect(mail.subject).toContain("New online booking");
    // A staff booking tells no one on staff.
    const byStaff = await world.book("2027-04-13T08:00:00.000Z");
    await world.runJobs();
    expect((await world.messagesOf(byStaff.id)).filter((m) => m.kind === "staff_new_booking")).toEqual([]);
  });
});

describe("the links in a patient's messages", () => {
  it("the reminder's confirm link sets the appointment to confirmed, once", async () => {
    await owner.notifications.settings.update({ reminders: [{ minutesBefore: 1440, channel: "email" }], quietHours: null });
    const email = `confirm-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const appointment = await world.book("2027-05-04T08:00:00.000Z", { email });
    await world.runJobs();
    await world.travel(new Date("2027-05-03T08:00:00.000Z").getTime() - world.clock.now().getTime());
    await world.runJobs();
    const token = linkIn(world.mailer.lastTo(email).text, "confirm");
    const first = await world.anyone().public.booking.confirm({ token });
    expect(first.appointment).toMatchObject({ id: appointment.id, status: "confirmed" });
    expect((await world.anyone().public.booking.confirm({ token })).appointment.status).toBe("confirmed");
    expect(await codeOf(world.anyone().public.booking.confirm({ token: `${token.slice(0, -4)}AAAA` }))).toBe("NOT_FOUND");
    // Malformed is answered like unknown (as the manage link does): nothing to learn from the difference.
    expect(await codeOf(world.anyone().public.booking.confirm({ token: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(world.anyone().public.booking.confirm({ token: "" }))).toBe("BAD_REQUEST");
  });

  it("the opt-out link stops that channel for the patient: the next e-mail is skipped with the reason", async () => {
    const email = `optout-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const appointment = await world.book("2027-05-10T08:00:00.000Z", { email });
    await world.runJobs();
    const token = linkIn(world.mailer.lastTo(email).text, "opt-out");
    expect(await world.anyone().public.notifications.optOut({ token })).toEqual({ clinicName: expect.any(String) as unknown, channel: "email" });
    // Twice is fine.
    await world.anyone().public.notifications.optOut({ token });
    const moved = await world.staff.appointments.reschedule({ id: appointment.id, version: appointment.version, start: "2027-05-11T08:00:00.000Z" });
    await world.runJobs();
    const notice = (await world.messagesOf(moved.id)).find((m) => m.kind === "rescheduled")!;
    expect(notice).toMatchObject({ status: "skipped", failureReason: "The patient opted out of e-mail messages" });
    expect(await codeOf(world.anyone().public.notifications.optOut({ token: `${world.clinic.clinicId}.AAAAAAAAAAAAAAAAAAAAAAAAAA` }))).toBe("NOT_FOUND");
  });
});
