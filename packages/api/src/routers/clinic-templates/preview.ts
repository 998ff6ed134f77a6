import { renderTemplate, renderTemplateHtml, SAMPLE_TEMPLATE_VALUES, templateTextInput } from "@frontdesk/domain";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { procedure } from "../../trpc";

/**
 * The message as a patient would read it, filled with sample values (and the clinic's name).
 * A mutation only so that a long text travels in the body, not the URL: it changes nothing.
 */
export const preview = procedure("clinic.templates.preview")
  .input(templateTextInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const [clinic] = await staff.tx.select({ name: clinics.name, phone: clinics.phone }).from(clinics).where(eq(clinics.id, staff.clinicId));
    const values = { ...SAMPLE_TEMPLATE_VALUES, "clinic.name": clinic!.name, "clinic.phone": clinic!.phone ?? SAMPLE_TEMPLATE_VALUES["clinic.phone"] };
    return { subject: renderTemplate(input.subject, values), body: renderTemplate(input.body, values), html: renderTemplateHtml(input.body, values) };
  });
