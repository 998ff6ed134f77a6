// The wording a clinic's messages use (ADR 0024): its own template where staff saved one, the
// built-in default of its language otherwise. The notifications' content step asks here.
import type { Transaction } from "@frontdesk/db";
import { messageTemplates } from "@frontdesk/db/schema";
import { defaultTemplate, templateLocale, type TemplateChannel, type TemplateKind, type TemplateText } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";

export interface ClinicTemplate extends TemplateText {
  /** Whether the clinic's own wording (false: the built-in default). */
  custom: boolean;
}

/** Every saved template of the clinic in the language of `clinicLocale`, by "kind/channel". */
export async function savedTemplates(tx: Transaction, clinicId: string, clinicLocale: string): Promise<Map<string, TemplateText>> {
  const rows = await tx
    .select({ kind: messageTemplates.kind, channel: messageTemplates.channel, subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.clinicId, clinicId), eq(messageTemplates.locale, templateLocale(clinicLocale))));
  return new Map(rows.map((r) => [`${r.kind}/${r.channel}`, { subject: r.subject, body: r.body }]));
}

/** The template a message of `kind` on `channel` is written with, for a clinic in `clinicLocale`. */
export async function clinicTemplate(tx: Transaction, clinic: { id: string; locale: string }, kind: TemplateKind, channel: TemplateChannel): Promise<ClinicTemplate> {
  const [saved] = await tx
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.clinicId, clinic.id),
        eq(messageTemplates.kind, kind),
        eq(messageTemplates.channel, channel),
        eq(messageTemplates.locale, templateLocale(clinic.locale)),
      ),
    );
  return saved ? { ...saved, custom: true } : { ...defaultTemplate(kind, channel, clinic.locale), custom: false };
}
