// The clinic's services: what can be booked, how long it takes, and whether patients may book it online.
import type { TRPCRouterRecord } from "@trpc/server";
import { create } from "./create";
import { list } from "./list";
import { remove } from "./remove";
import { update } from "./update";

export const servicesRouter = {
  list,
  create,
  update,
  remove,
} satisfies TRPCRouterRecord;
