// Practitioners' working hours (a weekly pattern) and dated exceptions (time off, extra hours).
import type { TRPCRouterRecord } from "@trpc/server";
import { addException } from "./exceptions/add";
import { listExceptions } from "./exceptions/list";
import { removeException } from "./exceptions/remove";
import { getWeek } from "./get-week";
import { setWeek } from "./set-week";

export const scheduleRouter = {
  getWeek,
  setWeek,
  exceptions: { list: listExceptions, add: addException, remove: removeException },
} satisfies TRPCRouterRecord;
