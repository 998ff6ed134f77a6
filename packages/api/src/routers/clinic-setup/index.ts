// Setting a new clinic up: the checklist that leads an owner to the first online booking.
import type { TRPCRouterRecord } from "@trpc/server";
import { checklist } from "./checklist";

export const clinicSetupRouter = {
  checklist,
} satisfies TRPCRouterRecord;
