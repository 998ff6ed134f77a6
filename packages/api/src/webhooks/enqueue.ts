// The queue this branch hands deliveries to. Replaced by the job queue's enqueueJob (jobs/queue.ts)
// once that lands: until then a delivery waits in its table and the tests call deliverWebhook.
import type { Transaction } from "@frontdesk/db";
import type { EnqueueDelivery } from "./queue";

export const enqueueDelivery: EnqueueDelivery = async (_tx: Transaction) => {};
