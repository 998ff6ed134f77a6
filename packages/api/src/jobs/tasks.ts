// Every task the worker runs, by name. A new kind of job is a defineTask() in its own file and
// one line here (webhook deliveries add theirs the same way).
import { retentionAnonymiseTask, retentionSweepTask } from "../data-rights/retention-task";
import { planMessagesTask } from "../notifications/plan-messages";
import { sendMailTask } from "../notifications/queued-mail";
import { sendMessageTask } from "../notifications/send-message";
import { deliverWebhookTask } from "../webhooks/deliver-task";
import { waitlistHoursTask } from "../waitlist/new-hours";
import { waitlistFreedTask, waitlistOfferTask } from "../waitlist/offer-task";
import type { TaskDefinition } from "./task";

export const TASKS: readonly TaskDefinition[] = [planMessagesTask, sendMessageTask, deliverWebhookTask, sendMailTask, retentionSweepTask, retentionAnonymiseTask, waitlistFreedTask, waitlistOfferTask, waitlistHoursTask] as readonly TaskDefinition[];
