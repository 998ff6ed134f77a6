import { WEBHOOK_TEST_EVENT, webhookEndpointInput } from "@frontdesk/domain";
import { webhookDeliveries } from "@frontdesk/db/schema";
import { procedure } from "../../trpc";
import { enqueueDelivery } from "../../webhooks/enqueue";
import { newEventId } from "../../webhooks/events";
import { loadEndpoint } from "./endpoint-record";
import { deliveryView } from "./delivery-record";

/** Queues a webhook.test event for the endpoint (even a turned-off one): the admin checks the receiver. */
export const sendTest = procedure("clinic.webhooks.sendTest")
  .input(webhookEndpointInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const endpoint = await loadEndpoint(staff, input.endpointId);
    const now = ctx.deps.clock.now();
    const [delivery] = await staff.tx
      .insert(webhookDeliveries)
      .values({
        clinicId: staff.clinicId,
        endpointId: endpoint.id,
        eventId: newEventId(),
        eventType: WEBHOOK_TEST_EVENT,
        payload: { type: WEBHOOK_TEST_EVENT, timestamp: now.toISOString(), data: { clinicId: staff.clinicId, endpointId: endpoint.id } },
      })
      .returning();
    await enqueueDelivery(staff.tx, { clinicId: staff.clinicId, deliveryId: delivery!.id });
    return deliveryView(delivery!);
  });
