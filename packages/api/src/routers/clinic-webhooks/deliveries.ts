import { listWebhookDeliveriesInput } from "@frontdesk/domain";
import { webhookDeliveries } from "@frontdesk/db/schema";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { procedure } from "../../trpc";
import { deliveryView } from "./delivery-record";

/** The newest deliveries first; `problemsOnly` keeps the ones that failed or wait for a retry. */
export const deliveries = procedure("clinic.webhooks.deliveries")
  .input(listWebhookDeliveriesInput)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const conditions: SQL[] = [eq(webhookDeliveries.clinicId, staff.clinicId)];
    if (input.endpointId) conditions.push(eq(webhookDeliveries.endpointId, input.endpointId));
    if (input.problemsOnly) conditions.push(inArray(webhookDeliveries.status, ["failed", "retrying"]));
    const rows = await staff.tx
      .select()
      .from(webhookDeliveries)
      .where(and(...conditions))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(input.limit);
    return rows.map(deliveryView);
  });
