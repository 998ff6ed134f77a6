// Clinics a signed-in user opens: the caller becomes the owner.
import type { TRPCRouterRecord } from "@trpc/server";
import { create } from "./create";
import { slugAvailable } from "./slug-available";

export const clinicsRouter = {
  create,
  slugAvailable,
} satisfies TRPCRouterRecord;
