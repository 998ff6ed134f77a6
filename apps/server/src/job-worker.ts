// The job worker's wiring on Node: the channels chosen by the settings. The web server starts the
// worker in-process by default (node.ts); `pnpm start:worker` runs it alone (start-worker.ts).
import { lookup } from "node:dns/promises";
import path from "node:path";
import { systemClock, webhookSettingsOf, type Config, type Logger, type Mailer } from "@frontdesk/api";
import { createSmtpMailer, emailChannel, smsChannel, startWorker, type Channels, type RunningWorker } from "@frontdesk/api/worker";
import type { Database } from "@frontdesk/db";
import { createFileMailer } from "./file-mailer";

/** SMTP when SMTP_URL is set, .eml files in MAIL_DIR otherwise: for messages and account mails alike. */
export function mailerOf(config: Config, logger: Logger): Mailer {
  if (config.SMTP_URL) return createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM });
  return createFileMailer({ directory: path.resolve(config.MAIL_DIR), from: config.MAIL_FROM, logger });
}

export function channelsOf(config: Config, mailer: Mailer): Channels {
  const channels: Channels = { email: emailChannel(mailer) };
  if (config.SMS_ACCOUNT_SID && config.SMS_AUTH_TOKEN && config.SMS_FROM) {
    const provider = { baseUrl: config.SMS_PROVIDER_URL, accountSid: config.SMS_ACCOUNT_SID, authToken: config.SMS_AUTH_TOKEN };
    channels.sms = smsChannel({ ...provider, from: config.SMS_FROM }, "sms");
    if (config.WHATSAPP_FROM) channels.whatsapp = smsChannel({ ...provider, from: config.WHATSAPP_FROM }, "whatsapp");
  }
  return channels;
}

/** The webhook settings, with Node's resolver: each attempt checks where the endpoint's name leads. */
export function nodeWebhookSettings(config: Config) {
  return { ...webhookSettingsOf(config), resolveHost: async (host: string) => (await lookup(host, { all: true })).map((a) => a.address) };
}

/** The queue's connection, or undefined when none is configured (the worker then cannot start). */
export const queueUrlOf = (config: Config): string | undefined => config.WORKER_DATABASE_URL ?? config.DATABASE_ADMIN_URL;

export function startJobWorker(config: Config, parts: { db: Database; mailer: Mailer; logger: Logger; queueUrl: string }): Promise<RunningWorker> {
  return startWorker({
    connectionString: parts.queueUrl,
    concurrency: config.WORKER_CONCURRENCY,
    deps: { db: parts.db, clock: systemClock, logger: parts.logger, publicUrl: config.PUBLIC_URL, channels: channelsOf(config, parts.mailer), webhooks: nodeWebhookSettings(config) },
  });
}
