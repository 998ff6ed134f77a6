// The one interface every way of reaching a person implements (ADR 0022): e-mail (file sink or
// SMTP), SMS and WhatsApp (an HTTP provider in Twilio's shape). Webhooks are not a channel: they
// go to systems, not people, and have their own deliveries (issue 16, 16b's part).
import type { MessageChannel } from "@frontdesk/db/schema";

export interface OutgoingMessage {
  /** Our message id: the SMTP Message-ID and the provider's callback carry it, so a resend is recognisable. */
  messageId: string;
  to: string;
  /** E-mail only. */
  subject: string;
  text: string;
  html?: string;
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
  /** Where the provider reports delivery (SMS/WhatsApp), if the channel supports it. */
  statusCallbackUrl?: string;
}

export interface SendReceipt {
  /** The provider's id (SMS sid, SMTP Message-ID), to match status callbacks with. */
  providerMessageId?: string;
}

export interface Channel {
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

/**
 * The peer refused this message for good (SMTP 5xx, a provider's 4xx such as an invalid number):
 * retrying would get the same answer. `reason` is shown to staff: data-free, no address.
 */
export class SendRefusedError extends Error {
  override name = "SendRefusedError";
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The peer could not take it now (down, timed out, 4xx SMTP, 429/5xx HTTP): worth another try. */
export class SendUnavailableError extends Error {
  override name = "SendUnavailableError";
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A channel that is not set up is absent: its messages are skipped, with that as the reason. */
export type Channels = Partial<Record<MessageChannel, Channel>>;
