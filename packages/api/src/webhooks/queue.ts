// The seam between webhook deliveries and the job queue: one job per delivery, keyed by the
// delivery's id so that queueing it twice runs it once.
import type { Transaction } from "@frontdesk/db";

export const DELIVER_WEBHOOK_TASK = "webhooks.deliver";

export interface DeliverWebhookJob {
  clinicId: string;
  deliveryId: string;
}

/** Puts `job` on the queue inside `tx`: it runs only if the transaction commits, not before `runAt`. */
export type EnqueueDelivery = (tx: Transaction, job: DeliverWebhookJob, runAt?: Date) => Promise<void>;
