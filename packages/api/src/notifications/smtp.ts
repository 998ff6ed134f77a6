// E-mail over SMTP with nodemailer (Node only: apps/server chooses it when SMTP_URL is set).
// Errors are sorted for the sender: a 5xx answer is a refusal for good, anything else (no
// connection, a timeout, a 4xx "try later") is worth another attempt.
import nodemailer from "nodemailer";
import type { Mailer } from "../ports";
import { SendRefusedError, SendUnavailableError } from "./channels";

export interface SmtpSettings {
  /** smtp://user:pass@host:587 or smtps://… (TLS from the start). */
  url: string;
  from: string;
  /** How long to wait for the server at each step (connect, greeting, each command). */
  timeoutMs?: number;
}

interface SmtpFailure {
  responseCode?: number;
  code?: string;
}

function classify(error: unknown): Error {
  const failure = (typeof error === "object" && error !== null ? error : {}) as SmtpFailure;
  if (typeof failure.responseCode === "number" && failure.responseCode >= 500) {
    return new SendRefusedError(`The mail server refused the message (${failure.responseCode})`);
  }
  if (typeof failure.responseCode === "number") {
    return new SendUnavailableError(`The mail server asked to try later (${failure.responseCode})`);
  }
  return new SendUnavailableError(`The mail server could not be reached (${failure.code ?? "no answer"})`);
}

export function createSmtpMailer(settings: SmtpSettings): Mailer & { close(): void } {
  const timeout = settings.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: settings.url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.messageId ? { messageId: `<${message.messageId}@frontdesk>` } : {}),
          attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transport.close(),
  };
}
