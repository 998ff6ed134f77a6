import { z } from "zod";
import { procedure } from "../../trpc";
import { uuid } from "../../validation";
import { loadPractitioner } from "../practitioners/practitioner-record";
import { readWeek } from "./hours";

/** The weekly pattern: local wall-clock intervals in the clinic's time zone. */
export const getWeek = procedure("schedule.getWeek")
  .input(z.object({ practitionerId: uuid }))
  .query(async ({ ctx, input }) => {
    await loadPractitioner(ctx.staff, input.practitionerId);
    return { practitionerId: input.practitionerId, intervals: await readWeek(ctx.staff, input.practitionerId) };
  });
