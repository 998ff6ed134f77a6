import { createWebhookEndpointInput } from "@frontdesk/domain";
import { webhookEndpoints } from "@frontdesk/db/schema";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { newWebhookSecret } from "../../webhooks/signing";
import { assertTarget, endpointView } from "./endpoint-record";

/** Registers an endpoint; the answer carries its secret, the only time it is shown. */
export const create = procedure("clinic.webhooks.create")
  .input(createWebhookEndpointInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    assertTarget(ctx.deps, input.url);
    const secret = newWebhookSecret();
    const [created] = await staff.tx
      .insert(webhookEndpoints)
      .values({ clinicId: staff.clinicId, ...input, secret, createdBy: staff.userId })
      .returning();
    await recordStaffAudit(ctx, {
      action: "create",
      entity: "webhook_endpoint",
      entityId: created!.id,
      changes: { url: [null, input.url], events: [null, input.events], scopes: [null, input.scopes] },
    });
    return { endpoint: endpointView(created!, ctx.deps.clock.now()), secret };
  });
