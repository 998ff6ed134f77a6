import { patientLanguageOf, templateKeyInput, templateLocale } from "@frontdesk/domain";
import { messageTemplates } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { defaultTemplate } from "../../notifications/content";
import { clinicLocale } from "./clinic-locale";

/** Back to the built-in wording: the clinic's own template for this kind and channel is deleted. */
export const reset = procedure("clinic.templates.reset")
  .input(templateKeyInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const clinic = await clinicLocale(staff);
    const locale = templateLocale(clinic);
    const removed = await staff.tx
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.clinicId, staff.clinicId), eq(messageTemplates.kind, input.kind), eq(messageTemplates.channel, input.channel), eq(messageTemplates.locale, locale)))
      .returning({ id: messageTemplates.id });
    if (removed.length > 0) await recordStaffAudit(ctx, { action: "reset", entity: "message_template", entityId: `${input.kind}/${input.channel}/${locale}` });
    return { kind: input.kind, channel: input.channel, locale, ...defaultTemplate(input.kind, input.channel, patientLanguageOf(clinic)), custom: false };
  });
