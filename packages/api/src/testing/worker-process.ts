// A job worker in a process of its own, for the test that kills one mid-send
// (notifications/delivery.test.ts). Settings come from the environment the test gives it.
/* eslint-disable no-restricted-properties -- a test entry point: reads its settings from process.env */
import { createDb } from "@frontdesk/db";
import { startWorker } from "../jobs/worker";
import { emailChannel } from "../notifications/email";
import { createSmtpMailer } from "../notifications/smtp";
import { systemClock, type Logger } from "../ports";

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const { db } = createDb(process.env.APP_URL!, { max: 2 });
const smtp = createSmtpMailer({ url: process.env.SMTP_URL!, from: "clinic@example.test", timeoutMs: 60_000 });
await startWorker({
  connectionString: process.env.QUEUE_URL!,
  deps: { db, clock: systemClock, logger: silent, publicUrl: "http://localhost:3000", channels: { email: emailChannel(smtp) }, sending: { leaseMs: 2_000 } },
  pollIntervalMs: 100,
});
process.stdout.write("worker started\n");
