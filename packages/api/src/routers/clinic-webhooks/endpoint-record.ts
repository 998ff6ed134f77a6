// A webhook endpoint as the settings screen sees it: never its secret (shown once, at creation and rotation).
import { webhookEndpoints } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import type { WebhookEventType, WebhookScope } from "@frontdesk/domain";
import { NotFoundError, RuleError } from "../../errors";
import type { StaffScope } from "../../trpc";
import type { ServerDeps } from "../../ports";
import { DEFAULT_WEBHOOK_SETTINGS } from "../../webhooks/settings";
import { targetProblem } from "../../webhooks/targets";

export async function loadEndpoint(staff: StaffScope, endpointId: string) {
  const [endpoint] = await staff.tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.clinicId, staff.clinicId), eq(webhookEndpoints.id, endpointId)));
  if (!endpoint) throw new NotFoundError("Webhook endpoint");
  return endpoint;
}

/** Refuses an address this server must not send to (SSRF outside development, ADR 0023). */
export function assertTarget(deps: ServerDeps, url: string): void {
  const problem = targetProblem(url, (deps.webhooks ?? DEFAULT_WEBHOOK_SETTINGS).allowPrivateTargets);
  if (problem) throw new RuleError(problem, "WEBHOOK_TARGET_REFUSED");
}

export const endpointView = (e: typeof webhookEndpoints.$inferSelect, now: Date) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events as WebhookEventType[],
  scopes: e.scopes as WebhookScope[],
  enabled: e.enabled,
  createdAt: e.createdAt.toISOString(),
  /** While set, deliveries are signed with the previous secret too. */
  previousSecretValidUntil: e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? e.previousSecretExpiresAt.toISOString() : null,
});
