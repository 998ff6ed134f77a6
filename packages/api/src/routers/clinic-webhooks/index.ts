// Outgoing webhooks of the clinic (ADR 0023): endpoints, their secrets, and what was delivered.
import type { TRPCRouterRecord } from "@trpc/server";
import { create } from "./create";
import { deliveries } from "./deliveries";
import { list } from "./list";
import { remove } from "./remove";
import { retryDelivery } from "./retry-delivery";
import { rotateSecret } from "./rotate-secret";
import { sendTest } from "./send-test";
import { update } from "./update";

export const clinicWebhooksRouter = {
  list,
  create,
  update,
  remove,
  rotateSecret,
  sendTest,
  deliveries,
  retryDelivery,
} satisfies TRPCRouterRecord;
