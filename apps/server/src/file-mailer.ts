// The local mailer: every message becomes an .eml file under MAIL_DIR; the log shows its subject only
// (a subject never carries patient data; sign-in codes are in the subject on purpose for local use).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger, Mailer, MailMessage } from "@frontdesk/api";

function toEml(message: MailMessage, from: string, date: Date): string {
  const boundary = `frontdesk-${crypto.randomUUID()}`;
  const headers = [`From: ${from}`, `To: ${message.to}`, `Subject: ${message.subject}`, `Date: ${date.toUTCString()}`, "MIME-Version: 1.0"];
  if (!message.attachments?.length) {
    return [...headers, "Content-Type: text/plain; charset=utf-8", "", message.text].join("\r\n");
  }
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${message.text}`,
    ...message.attachments.map(
      (a) =>
        `--${boundary}\r\nContent-Type: ${a.contentType}; name="${a.filename}"\r\nContent-Disposition: attachment; filename="${a.filename}"\r\n\r\n${a.content}`,
    ),
  ];
  return [...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, "", ...parts, `--${boundary}--`].join("\r\n");
}

export function createFileMailer(options: { directory: string; from: string; logger: Logger }): Mailer {
  // Created on the first message, not once per message; a failure is retried on the next one.
  let directoryReady: Promise<unknown> | undefined;
  return {
    async send(message) {
      directoryReady ??= mkdir(options.directory, { recursive: true }).catch((error: unknown) => {
        directoryReady = undefined;
        throw error;
      });
      await directoryReady;
      const now = new Date();
      const file = path.join(options.directory, `${now.toISOString().replace(/[:.]/g, "-")}-${crypto.randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, toEml(message, options.from, now));
      options.logger.info({ mailFile: path.basename(file), subject: message.subject.replace(/\d{6}/g, "######") }, "mail written");
    },
  };
}
