// Delivery under the conditions that break naive senders: a reminder across a DST change (injected
// clock), two workers at once, a worker killed mid-send, an SMTP server that is down or refuses.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { appointments } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotificationWorld } from "../testing/notifications";
import { startSmtpPeer } from "../testing/smtp-peer";
import { emailChannel } from "./email";
import { createSmtpMailer } from "./smtp";

let world: Awaited<ReturnType<typeof createNotificationWorld>>;
beforeAll(async () => {
  world = await createNotificationWorld("notifications_delivery");
});
afterAll(() => world.close());

const HOUR = 3_600_000;
const confirmationOf = async (appointmentId: string) => (await world.messagesOf(appointmentId)).find((m) => m.kind === "confirmation")!;

describe("a reminder 24 h before an appointment on the day the clocks change", () => {
  it("fires at the same wall-clock time the day before (23 real hours), not a minute earlier", async () => {
    // Sunday 28 March 2027, 09:00 in Paris: summer time began at 02:00 that night (UTC+2).
    const appointment = await world.book("2027-03-28T07:00:00.000Z", { email: `dst-${crypto.randomUUID().slice(0, 8)}@example.test` });
    await world.runJobs();
    const reminder = (await world.messagesOf(appointment.id)).find((m) => m.kind === "reminder" && m.channel === "email")!;
    // Saturday 27 March, 09:00 in Paris, still winter time (UTC+1).
    expect(reminder.sendAt.toISOString()).toBe("2027-03-27T08:00:00.000Z");

    await world.travel(reminder.sendAt.getTime() - world.clock.now().getTime() - 60_000);
    await world.runJobs();
    expect((await world.messagesOf(appointment.id)).find((m) => m.id === reminder.id)?.status).toBe("queued");

    await world.travel(60_000);
    await world.runJobs();
    const sent = (await world.messagesOf(appointment.id)).find((m) => m.id === reminder.id)!;
    expect(sent.status).toBe("sent");
    expect(sent.sentAt?.toISOString()).toBe("2027-03-27T08:00:00.000Z");
    const mail = world.mailer.lastTo(reminder.recipient);
    expect(mail.subject).toContain("Reminder: Consultation");
    expect(mail.text).toMatch(/Confirm with one click: http:\/\/localhost:3000\/confirm\/\S+/);
    expect(mail.text).toMatch(/No more e-mails like this: http:\/\/localhost:3000\/opt-out\/\S+/);
  });
});

describe("several workers and failures", () => {
  it("two workers running at once send each message exactly once", async () => {
    const peer = await startSmtpPeer();
    const smtp = createSmtpMailer({ url: peer.url, from: "clinic@example.test" });
    try {
      const booked = [];
      for (let i = 0; i < 12; i += 1) booked.push(await world.book(new Date(Date.UTC(2027, 5, 1 + i, 8)).toISOString(), {}, {}));
      const channels = { email: emailChannel(smtp) };
      await Promise.all([world.runJobs({ channels }), world.runJobs({ channels })]);
      const confirmations = await Promise.all(booked.map((a) => confirmationOf(a.id)));
      expect(confirmations.map((m) => m.status)).toEqual(booked.map(() => "sent"));
      await peer.waitFor(12);
      const ids = peer.received.map((mail) => mail.messageId);
      expect(ids.sort()).toEqual(confirmations.map((m) => `<${m.id}@frontdesk>`).sort());
    } finally {
      smtp.close();
      await peer.stop();
    }
  });

  it("an SMTP server that is down gets retries with growing delays, then the message goes through", async () => {
    const peer = await startSmtpPeer();
    await peer.stop();
    const smtp = createSmtpMailer({ url: peer.url, from: "clinic@example.test", timeoutMs: 1_000 });
    const channels = { email: emailChannel(smtp) };
    try {
      const appointment = await world.book("2027-07-01T08:00:00.000Z");
      await world.runJobs({ channels });
      let confirmation = await confirmationOf(appointment.id);
      expect(confirmation).toMatchObject({ status: "retrying", attempts: 1, failureReason: expect.stringContaining("could not be reached") as unknown });
      expect(confirmation.nextAttemptAt!.getTime() - world.clock.now().getTime()).toBe(1_000);
      // Not before its time.
      await world.runJobs({ channels });
      expect((await confirmationOf(appointment.id)).attempts).toBe(1);
      await world.travel(1_000);
      await world.runJobs({ channels });
      confirmation = await confirmationOf(appointment.id);
      expect(confirmation).toMatchObject({ status: "retrying", attempts: 2 });
      expect(confirmation.nextAttemptAt!.getTime() - world.clock.now().getTime()).toBe(2_000);

      await peer.start();
      await world.travel(2_000);
      await world.runJobs({ channels });
      expect(await confirmationOf(appointment.id)).toMatchObject({ status: "sent", attempts: 3, failureReason: null });
      expect(await peer.waitFor(1)).toHaveLength(1);
    } finally {
      smtp.close();
      await peer.stop();
    }
  });

  it("gives up after the last attempt, and at once when the server refuses, with a reason staff can read", async () => {
    const down = await startSmtpPeer();
    await down.stop();
    const refusing = await startSmtpPeer({ mode: "refuse" });
    const toDown = createSmtpMailer({ url: down.url, from: "clinic@example.test", timeoutMs: 500 });
    const toRefusing = createSmtpMailer({ url: refusing.url, from: "clinic@example.test" });
    try {
      const refused = await world.book("2027-07-02T08:00:00.000Z", { email: "refused@example.test" });
      await world.runJobs({ channels: { email: emailChannel(toRefusing) } });
      expect(await confirmationOf(refused.id)).toMatchObject({ status: "failed", attempts: 1, failureReason: "The mail server refused the message (550)" });

      const unreachable = await world.book("2027-07-03T08:00:00.000Z");
      const channels = { email: emailChannel(toDown) };
      await world.runJobs({ channels });
      for (let attempt = 2; attempt <= 4; attempt += 1) {
        await world.travel(4_000);
        await world.runJobs({ channels });
      }
      const failed = await confirmationOf(unreachable.id);
      expect(failed).toMatchObject({ status: "failed", attempts: 4, nextAttemptAt: null });
      expect(failed.failureReason).not.toContain("@");
      // The log names the message, never its address or content.
      expect(JSON.stringify(world.logger.lines)).not.toContain(failed.recipient);
    } finally {
      toDown.close();
      toRefusing.close();
      await refusing.stop();
    }
  });

  it("a worker killed mid-send loses nothing: the message goes out once its lease has run out", async () => {
    const peer = await startSmtpPeer({ mode: "hang" });
    const smtp = createSmtpMailer({ url: peer.url, from: "clinic@example.test" });
    const appointment = await world.book("2027-07-05T08:00:00.000Z");
    const script = fileURLToPath(new URL("../testing/worker-process.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      // eslint-disable-next-line no-restricted-properties -- the child needs PATH and the like
      env: { ...process.env, APP_URL: world.urls.appUrl, QUEUE_URL: world.urls.adminUrl, SMTP_URL: peer.url },
      stdio: "ignore",
    });
    try {
      await peer.dataStarted;
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      const lost = await confirmationOf(appointment.id);
      expect(lost).toMatchObject({ status: "sending", attempts: 1 });

      peer.mode = "accept";
      // Before the lease ends, no other worker touches it.
      await world.runJobs({ channels: { email: emailChannel(smtp) } });
      expect(peer.received).toHaveLength(0);
      // The child ran on the real clock: move ours past its lease, and the watchdog's due time with it.
      await world.travel(Math.max(0, lost.leaseUntil!.getTime() - world.clock.now().getTime()) + 3_000);
      await world.runJobs({ channels: { email: emailChannel(smtp) } });
      expect(await confirmationOf(appointment.id)).toMatchObject({ status: "sent", attempts: 2 });
      const [mail] = await peer.waitFor(1);
      expect(mail!.messageId).toBe(`<${lost.id}@frontdesk>`);
    } finally {
      child.kill("SIGKILL");
      smtp.close();
      await peer.stop();
    }
  }, 60_000);
});

describe("never for a cancelled or past appointment", () => {
  it("a reminder whose appointment was cancelled behind the planner's back is skipped when its time comes", async () => {
    const appointment = await world.book("2027-08-02T08:00:00.000Z");
    await world.runJobs();
    const reminder = (await world.messagesOf(appointment.id)).find((m) => m.kind === "reminder")!;
    // No plan job runs for this change: the sender still checks before sending.
    await world.inClinic((tx) => tx.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, appointment.id)));
    await world.travel(reminder.sendAt.getTime() - world.clock.now().getTime() + HOUR);
    await world.runJobs();
    expect((await world.messagesOf(appointment.id)).find((m) => m.id === reminder.id)).toMatchObject({ status: "skipped", failureReason: "The appointment is no longer open" });
    expect(world.mailer.sent.filter((m) => m.to === reminder.recipient && m.subject.startsWith("Reminder"))).toEqual([]);
  });
});
