// Sends one webhook delivery (the queue's webhooks.deliver task, ADR 0023). At least once, never
// twice at the same time: an attempt is claimed in the database first (a lease), then sent
// outside any transaction, then recorded. A receiver drops a repeat by its webhook-id.
import { withTenant, type Database, type ScopeRole, type TenantScope } from "@frontdesk/db";
import { patients, webhookDeliveries, webhookEndpoints } from "@frontdesk/db/schema";
import type { WebhookScope } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import type { Clock, Logger } from "../ports";
import { enqueueDelivery } from "./enqueue";
import type { DeliverWebhookJob } from "./queue";
import { DEFAULT_WEBHOOK_SETTINGS, retryDelayMs, WEBHOOK_DEFAULTS, type WebhookSettings } from "./settings";
import { signWebhook } from "./signing";
import { isPrivateAddress, targetProblem } from "./targets";

export interface WebhookDeliveryDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  webhooks?: WebhookSettings;
}

/** The worker acts for the clinic with no person behind it. */
const WORKER_ROLE: ScopeRole = "system";

interface Outcome {
  ok: boolean;
  responseStatus: number | null;
  /** For the admin, in words; never the receiver's body. */
  error: string | null;
  /** Whether another attempt could help (a refused address will not get better). */
  retry: boolean;
}

/** The secrets that sign now: the current one, and the previous one during a rotation's overlap. */
export function signingSecrets(endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null }, now: Date): string[] {
  const overlapping = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return overlapping ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

async function addressProblem(url: string, settings: WebhookSettings): Promise<string | null> {
  const problem = targetProblem(url, settings.allowPrivateTargets);
  if (problem || settings.allowPrivateTargets || !settings.resolveHost) return problem;
  const host = new URL(url).hostname;
  let addresses: string[];
  try {
    addresses = await settings.resolveHost(host);
  } catch {
    return "The receiver's host name could not be found";
  }
  return addresses.some(isPrivateAddress) ? "This address leads inside the server's own network: use a public address" : null;
}

async function post(url: string, headers: Record<string, string>, body: string, settings: WebhookSettings): Promise<Outcome> {
  const problem = await addressProblem(url, settings);
  if (problem) return { ok: false, responseStatus: null, error: problem, retry: false };
  const timeoutMs = settings.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  try {
    const response = await (settings.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Frontdesk-Webhooks/1", ...headers },
      body,
      // A redirect could lead anywhere, the server's own network included: not followed.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, responseStatus: response.status, error: null, retry: false };
    const error = response.status >= 300 && response.status < 400 ? `The receiver answered with a redirect (HTTP ${response.status}), which is not followed` : `The receiver answered HTTP ${response.status}`;
    return { ok: false, responseStatus: response.status, error, retry: true };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return { ok: false, responseStatus: null, error: timedOut ? `No answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` : "Could not connect to the receiver", retry: true };
  }
}

/** Claims the delivery's next attempt, or null when there is nothing to do (done, given up, or another worker's). */
async function claim(deps: WebhookDeliveryDeps, scope: TenantScope, deliveryId: string, settings: WebhookSettings) {
  const now = deps.clock.now();
  return withTenant(deps.db, scope, async (tx) => {
    const [row] = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.clinicId, webhookDeliveries.clinicId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
      .where(and(eq(webhookDeliveries.clinicId, scope.clinicId), eq(webhookDeliveries.id, deliveryId)))
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (!row) return null;
    const { delivery, endpoint } = row;
    if (delivery.status === "delivered" || delivery.status === "failed") return null;
    // Not due: another worker holds the lease, or this job outran a later plan for the delivery.
    if (delivery.nextAttemptAt && delivery.nextAttemptAt > now) return null;
    const attempt = delivery.attempts + 1;
    await tx
      .update(webhookDeliveries)
      .set({ attempts: attempt, nextAttemptAt: new Date(now.getTime() + (settings.leaseMs ?? WEBHOOK_DEFAULTS.leaseMs)), updatedAt: now })
      .where(and(eq(webhookDeliveries.clinicId, scope.clinicId), eq(webhookDeliveries.id, deliveryId)));
    const payload = structuredClone(delivery.payload) as { data?: Record<string, unknown> };
    const patientId = payload.data?.patientId;
    // Contact details only for an endpoint whose scope allows it now, read at sending (events.ts).
    if (typeof patientId === "string" && (endpoint.scopes as WebhookScope[]).includes("patient.contact")) {
      const [patient] = await tx
        .select({ fullName: patients.fullName, email: patients.email, phone: patients.phone })
        .from(patients)
        .where(and(eq(patients.clinicId, scope.clinicId), eq(patients.id, patientId)));
      if (patient && payload.data) payload.data.patient = patient;
    }
    return { delivery, endpoint, attempt, body: JSON.stringify(payload), now };
  });
}

/** One attempt at one delivery; records the outcome and plans the next attempt if there is one. */
export async function deliverWebhook(deps: WebhookDeliveryDeps, job: DeliverWebhookJob): Promise<void> {
  const settings = deps.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  const scope: TenantScope = { clinicId: job.clinicId, userId: null, role: WORKER_ROLE };
  const claimed = await claim(deps, scope, job.deliveryId, settings);
  if (!claimed) return;
  const { delivery, endpoint, attempt, body } = claimed;
  const outcome: Outcome =
    !endpoint.enabled && delivery.eventType !== "webhook.test"
      ? { ok: false, responseStatus: null, error: "The endpoint is turned off", retry: false }
      : await post(endpoint.url, { ...(await signWebhook({ id: delivery.eventId, timestamp: deps.clock.now(), body, secrets: signingSecrets(endpoint, claimed.now) })) }, body, settings);
  const now = deps.clock.now();
  const maxAttempts = settings.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts;
  const again = !outcome.ok && outcome.retry && attempt < maxAttempts;
  const nextAttemptAt = again ? new Date(now.getTime() + retryDelayMs(attempt, settings)) : null;
  await withTenant(deps.db, scope, async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status: outcome.ok ? "delivered" : again ? "retrying" : "failed",
        responseStatus: outcome.responseStatus,
        lastError: outcome.error,
        nextAttemptAt,
        deliveredAt: outcome.ok ? now : null,
        updatedAt: now,
      })
      .where(and(eq(webhookDeliveries.clinicId, scope.clinicId), eq(webhookDeliveries.id, delivery.id)));
    if (nextAttemptAt) await enqueueDelivery(tx, job, nextAttemptAt);
  });
  // Ids and numbers only: no URL (it may carry a token), no payload, no secret.
  deps.logger.info(
    { component: "webhooks", deliveryId: delivery.id, endpointId: endpoint.id, attempt, responseStatus: outcome.responseStatus, outcome: outcome.ok ? "delivered" : again ? "retrying" : "failed" },
    "webhook attempt",
  );
}
