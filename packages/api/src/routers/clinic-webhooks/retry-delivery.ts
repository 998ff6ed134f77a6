import { retryWebhookDeliveryInput } from "@frontdesk/domain";
import { webhookDeliveries } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ConflictError, NotFoundError } from "../../errors";
import { procedure } from "../../trpc";
import { enqueueDelivery } from "../../webhooks/enqueue";
import { deliveryView } from "./delivery-record";

/** Sends a failed (or waiting) delivery again now, with a fresh series of attempts; the same webhook-id. */
export const retryDelivery = procedure("clinic.webhooks.retryDelivery")
  .input(retryWebhookDeliveryInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const where = and(eq(webhookDeliveries.clinicId, staff.clinicId), eq(webhookDeliveries.id, input.deliveryId));
    const [delivery] = await staff.tx.select().from(webhookDeliveries).where(where).for("update");
    if (!delivery) throw new NotFoundError("Delivery");
    if (delivery.status === "delivered") throw new ConflictError("This delivery reached the receiver already", { reason: "ALREADY_DONE" });
    if (delivery.status === "pending") throw new ConflictError("This delivery is on its way already", { reason: "ALREADY_DONE" });
    const now = ctx.deps.clock.now();
    const [queued] = await staff.tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: null, updatedAt: now })
      .where(where)
      .returning();
    await enqueueDelivery(staff.tx, { clinicId: staff.clinicId, deliveryId: delivery.id });
    await recordStaffAudit(ctx, { action: "retry", entity: "webhook_delivery", entityId: delivery.id });
    return deliveryView(queued!);
  });
