import { getWeekInput } from "@frontdesk/domain";
import { weekView } from "@frontdesk/domain";
import { procedure } from "../../trpc";
import { loadPractitioner } from "../practitioners/practitioner-record";
import { readWeek } from "./hours";

/** The weekly pattern: local wall-clock intervals in the clinic's time zone. */
export const getWeek = procedure("schedule.getWeek")
    .meta({ openapi: { method: "GET", path: "/practitioners/{practitionerId}/week", tags: ["Schedules"], protect: true, summary: "A practitioner's weekly hours (local times in the clinic's zone)" } })
    .output(weekView)
  .input(getWeekInput)
  .query(async ({ ctx, input }) => {
    await loadPractitioner(ctx.staff, input.practitionerId);
    return { practitionerId: input.practitionerId, intervals: await readWeek(ctx.staff, input.practitionerId) };
  });
