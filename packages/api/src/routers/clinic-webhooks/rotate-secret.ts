import { rotateWebhookSecretInput } from "@frontdesk/domain";
import { webhookEndpoints } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { newWebhookSecret } from "../../webhooks/signing";
import { endpointView, loadEndpoint } from "./endpoint-record";

/**
 * A new secret at once; the one it replaces keeps signing beside it for `overlapHours`, so the
 * receiver can switch without rejecting a delivery. 0 ends the old secret now (it leaked).
 */
export const rotateSecret = procedure("clinic.webhooks.rotateSecret")
  .input(rotateWebhookSecretInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const endpoint = await loadEndpoint(staff, input.endpointId);
    const now = ctx.deps.clock.now();
    const secret = newWebhookSecret();
    const overlapUntil = input.overlapHours > 0 ? new Date(now.getTime() + input.overlapHours * 3_600_000) : null;
    const [rotated] = await staff.tx
      .update(webhookEndpoints)
      .set({ secret, previousSecret: overlapUntil ? endpoint.secret : null, previousSecretExpiresAt: overlapUntil, updatedAt: now })
      .where(and(eq(webhookEndpoints.clinicId, staff.clinicId), eq(webhookEndpoints.id, endpoint.id)))
      .returning();
    // Never the secrets themselves: that it happened, and for how long both sign.
    await recordStaffAudit(ctx, { action: "rotate_secret", entity: "webhook_endpoint", entityId: endpoint.id, changes: { overlapHours: [null, input.overlapHours] } });
    return { endpoint: endpointView(rotated!, now), secret };
  });
