import { webhookEndpointInput } from "@frontdesk/domain";
import { webhookEndpoints } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { loadEndpoint } from "./endpoint-record";

/** Deletes the endpoint and its deliveries: nothing more is sent to it, queued attempts included. */
export const remove = procedure("clinic.webhooks.remove")
  .input(webhookEndpointInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const endpoint = await loadEndpoint(staff, input.endpointId);
    await staff.tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.clinicId, staff.clinicId), eq(webhookEndpoints.id, endpoint.id)));
    await recordStaffAudit(ctx, { action: "remove", entity: "webhook_endpoint", entityId: endpoint.id, changes: { url: [endpoint.url, null] } });
    return { removed: true };
  });
