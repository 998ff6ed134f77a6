import { getWeekInput } from "@frontdesk/domain";
import { procedure } from "../../trpc";
import { loadPractitioner } from "../practitioners/practitioner-record";
import { readWeek } from "./hours";

/** The weekly pattern: local wall-clock intervals in the clinic's time zone. */
export const getWeek = procedure("schedule.getWeek")
  .input(getWeekInput)
  .query(async ({ ctx, input }) => {
    await loadPractitioner(ctx.staff, input.practitionerId);
    return { practitionerId: input.practitionerId, intervals: await readWeek(ctx.staff, input.practitionerId) };
  });
