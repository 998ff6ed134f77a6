import { templateLocale, templateTextInput } from "@frontdesk/domain";
import { messageTemplates } from "@frontdesk/db/schema";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { clinicLocale } from "./clinic-locale";

/** Saves the clinic's wording for one kind and channel; unknown variables were refused by the input schema. */
export const save = procedure("clinic.templates.save")
  .input(templateTextInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const locale = templateLocale(await clinicLocale(staff));
    const now = ctx.deps.clock.now();
    await staff.tx
      .insert(messageTemplates)
      .values({ clinicId: staff.clinicId, kind: input.kind, channel: input.channel, locale, subject: input.subject, text: input.text, updatedBy: staff.userId })
      .onConflictDoUpdate({
        target: [messageTemplates.clinicId, messageTemplates.kind, messageTemplates.channel, messageTemplates.locale],
        set: { subject: input.subject, text: input.text, updatedBy: staff.userId, updatedAt: now },
      });
    await recordStaffAudit(ctx, { action: "update", entity: "message_template", entityId: `${input.kind}/${input.channel}/${locale}`, changes: { subject: [null, input.subject], text: [null, input.text] } });
    return { kind: input.kind, channel: input.channel, locale, subject: input.subject, text: input.text, custom: true };
  });
