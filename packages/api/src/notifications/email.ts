// E-mail as a channel: any Mailer (the file sink by default, SMTP when SMTP_URL is set).
import type { Mailer } from "../ports";
import type { Channel } from "./channels";

export function emailChannel(mailer: Mailer): Channel {
  return {
    async send(message) {
      await mailer.send({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.attachments ? { attachments: message.attachments } : {}),
        messageId: message.messageId,
      });
      return { providerMessageId: message.messageId };
    },
  };
}
