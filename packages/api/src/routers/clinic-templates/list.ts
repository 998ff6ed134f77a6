import { patientLanguageOf, TEMPLATE_CHANNELS, TEMPLATE_KINDS, TEMPLATE_VARIABLES, templateLocale } from "@frontdesk/domain";
import { defaultTemplate } from "../../notifications/content";
import { procedure } from "../../trpc";
import { savedTemplates } from "../../templates/clinic-templates";
import { clinicLocale } from "./clinic-locale";

/** Every message kind and channel, with its current wording, its default (in the clinic's language, ADR 0057) and the variables it may use. */
export const list = procedure("clinic.templates.list").query(async ({ ctx }) => {
  const staff = ctx.staff;
  const locale = await clinicLocale(staff);
  const saved = await savedTemplates(staff.tx, staff.clinicId, locale);
  return TEMPLATE_KINDS.flatMap((kind) =>
    TEMPLATE_CHANNELS.map((channel) => {
      const builtIn = defaultTemplate(kind, channel, patientLanguageOf(locale));
      const own = saved.get(`${kind}/${channel}`);
      return { kind, channel, locale: templateLocale(locale), ...(own ?? builtIn), custom: own !== undefined, default: builtIn, variables: [...TEMPLATE_VARIABLES[kind]] };
    }),
  );
});
