import { clinicOf } from "../../booking/clinic";
import { procedure } from "../../trpc";
import { settingsView } from "./settings-view";

export const get = procedure("clinic.settings.get").query(async ({ ctx }) => settingsView(await clinicOf(ctx.staff.tx, ctx.staff.clinicId)));
