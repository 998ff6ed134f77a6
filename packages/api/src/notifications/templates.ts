// The clinic's own wording for a kind of message on a channel, if it has one (issue 16: templates
// per clinic, added on this seam). Until then every clinic uses DEFAULT_TEMPLATES (content.ts).
import type { Transaction } from "@frontdesk/db";
import type { MessageChannel, MessageKind } from "@frontdesk/db/schema";
import type { MessageTemplate } from "./content";

export function clinicTemplate(_tx: Transaction, _clinicId: string, _kind: MessageKind, _channel: MessageChannel): Promise<MessageTemplate | undefined> {
  return Promise.resolve(undefined);
}
