// Reports for the people who run the clinic (ADR 0053).
import type { TRPCRouterRecord } from "@trpc/server";
import { dashboard } from "./dashboard";

export const reportsRouter = {
  dashboard,
} satisfies TRPCRouterRecord;
