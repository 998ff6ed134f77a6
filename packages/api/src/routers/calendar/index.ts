// The reception calendar's reads (its live changes are in calendar-feed.ts).
import type { TRPCRouterRecord } from "@trpc/server";
import { range } from "./range";

export const calendarRouter = {
  range,
} satisfies TRPCRouterRecord;
