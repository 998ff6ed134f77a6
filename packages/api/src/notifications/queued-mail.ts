// Account mail through the job queue (ADR 0045): where no mail transport can run (the edge), the
// Mailer queues each message with enqueue_mail() and the Node job worker sends it with its own
// mailer (task mail.send). The message is queued on a connection of its own, as the Node server
// sends at once: a sign-in code goes out even if the request later fails.
import type { Database } from "@frontdesk/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { defineTask } from "../jobs/task";
import type { Mailer, MailMessage } from "../ports";

export const SEND_MAIL_TASK = "mail.send";

export function queuedMailer(db: Database): Mailer {
  return {
    async send(message: MailMessage) {
      await db.execute(sql`select enqueue_mail(${JSON.stringify({ ...message, messageId: message.messageId ?? crypto.randomUUID() })}::jsonb)`);
    },
  };
}

const queuedMessage = z.object({
  to: z.string().min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })).optional(),
  messageId: z.string().min(1),
});

export const sendMailTask = defineTask({
  name: SEND_MAIL_TASK,
  payload: z.object({ message: queuedMessage }),
  async run({ message }, deps) {
    // The same Message-ID on every attempt, so a resend after a crash is recognisable.
    const email = deps.channels.email;
    if (!email) throw new Error("No e-mail channel is configured for queued mail");
    await email.send(message);
  },
});

