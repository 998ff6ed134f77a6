// The clinic's practitioners: who takes appointments, their colour, and which services they offer.
import type { TRPCRouterRecord } from "@trpc/server";
import { create } from "./create";
import { list } from "./list";
import { remove } from "./remove";
import { setServices } from "./set-services";
import { update } from "./update";

export const practitionersRouter = {
  list,
  create,
  update,
  setServices,
  remove,
} satisfies TRPCRouterRecord;
