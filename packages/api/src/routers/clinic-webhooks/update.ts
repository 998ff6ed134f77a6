import { updateWebhookEndpointInput } from "@frontdesk/domain";
import { webhookEndpoints } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { changedFields } from "../../audit-diff";
import { procedure } from "../../trpc";
import { assertTarget, endpointView, loadEndpoint } from "./endpoint-record";

export const update = procedure("clinic.webhooks.update")
  .input(updateWebhookEndpointInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const { endpointId, ...patch } = input;
    if (patch.url !== undefined) assertTarget(ctx.deps, patch.url);
    const before = await loadEndpoint(staff, endpointId);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length > 0) {
      await staff.tx
        .update(webhookEndpoints)
        .set({ ...patch, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(webhookEndpoints.clinicId, staff.clinicId), eq(webhookEndpoints.id, endpointId)));
    }
    await recordStaffAudit(ctx, { action: "update", entity: "webhook_endpoint", entityId: endpointId, changes });
    return endpointView(await loadEndpoint(staff, endpointId), ctx.deps.clock.now());
  });
