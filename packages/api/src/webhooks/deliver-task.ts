// Task webhooks.deliver: one attempt at one delivery (deliver.ts plans the next attempt itself,
// with its own backoff, so the queue's retries only cover a worker that failed mid-way).
import { z } from "zod";
import { defineTask } from "../jobs/task";
import { deliverWebhook } from "./deliver";
import { DELIVER_WEBHOOK_TASK } from "./queue";

export const deliverWebhookTask = defineTask({
  name: DELIVER_WEBHOOK_TASK,
  payload: z.object({ clinicId: z.uuid(), deliveryId: z.uuid() }),
  run: (payload, deps) => deliverWebhook(deps, payload),
});
