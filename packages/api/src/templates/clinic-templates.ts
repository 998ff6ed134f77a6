// The wording a clinic's messages use (ADR 0024): its own template where staff saved one, the
// built-in default otherwise. Saved templates are in the clinic's language and replace the
// built-in wording of messages in that language only (ADR 0057). The notifications' sender asks `templateFor`; the one renderer
// (notifications/content.ts) fills it.
import type { Transaction } from "@frontdesk/db";
import { clinics, messageTemplates, type MessageChannel, type MessageKind } from "@frontdesk/db/schema";
import { TEMPLATE_KINDS, templateLocale, type TemplateChannel, type TemplateKind } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import type { MessageTemplate } from "../notifications/content";

// The editable kinds are message kinds (the compiler checks it here; a test checks the variables).
const EDITABLE_KINDS: readonly MessageKind[] = TEMPLATE_KINDS;
const isTemplateKind = (kind: MessageKind): kind is TemplateKind => EDITABLE_KINDS.includes(kind);

/** SMS and WhatsApp share the short form. */
export const templateChannelOf = (channel: MessageChannel): TemplateChannel => (channel === "email" ? "email" : "sms");

/** The clinic's saved wordings in its language, by "kind/channel". */
export async function savedTemplates(tx: Transaction, clinicId: string, clinicLocale: string): Promise<Map<string, MessageTemplate>> {
  const rows = await tx
    .select({ kind: messageTemplates.kind, channel: messageTemplates.channel, subject: messageTemplates.subject, text: messageTemplates.text })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.clinicId, clinicId), eq(messageTemplates.locale, templateLocale(clinicLocale))));
  return new Map(rows.map((r) => [`${r.kind}/${r.channel}`, { subject: r.subject, text: r.text }]));
}

/**
 * The clinic's own wording for a message, or undefined for the default (and for messages staff
 * cannot reword, such as the staff notice of a new booking). One query, in the caller's transaction.
 */
export async function templateFor(tx: Transaction, clinicId: string, kind: MessageKind, channel: MessageChannel): Promise<MessageTemplate | undefined> {
  if (!isTemplateKind(kind)) return undefined;
  const rows = await tx
    .select({ subject: messageTemplates.subject, text: messageTemplates.text, locale: messageTemplates.locale, clinicLocale: clinics.locale })
    .from(messageTemplates)
    .innerJoin(clinics, eq(clinics.id, messageTemplates.clinicId))
    .where(and(eq(messageTemplates.clinicId, clinicId), eq(messageTemplates.kind, kind), eq(messageTemplates.channel, templateChannelOf(channel))));
  const own = rows.find((row) => row.locale === templateLocale(row.clinicLocale));
  return own ? { subject: own.subject, text: own.text } : undefined;
}
