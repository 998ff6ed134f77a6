// Webhook deliveries on the job queue (ADR 0021): one job per delivery, keyed by the delivery, so
// queueing it again (a retry planned, a retry by hand) replaces the waiting job instead of adding one.
import { enqueueJob } from "../jobs/queue";
import { DELIVER_WEBHOOK_TASK, type EnqueueDelivery } from "./queue";

export const enqueueDelivery: EnqueueDelivery = (tx, job, runAt) =>
  enqueueJob(tx, { task: DELIVER_WEBHOOK_TASK, payload: { deliveryId: job.deliveryId }, runAt, key: `webhook:${job.deliveryId}` });
