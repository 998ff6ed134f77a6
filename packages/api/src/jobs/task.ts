// How a job handler is declared (ADR 0021): a name, a zod schema for its payload, and a function
// of the payload and the worker's dependencies. Handlers must be idempotent: the queue runs a job
// at least once (again after a crash or an error), so the second run must find the work done.
import type { Database } from "@frontdesk/db";
import type { z } from "zod";
import type { Channels } from "../notifications/channels";
import type { Clock, Logger } from "../ports";
import type { WebhookSettings } from "../webhooks/settings";

/** What every task may use. Tenant work goes through `db` (frontdesk_app) with withTenant. */
export interface WorkerDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Origin for links in messages, as ServerDeps.publicUrl. */
  publicUrl: string;
  channels: Channels;
  /** How sends are retried and how long one may take (notifications/send-message.ts). */
  sending?: Partial<SendPolicy>;
  /** Where webhooks may go and how they are retried (webhooks/settings.ts); absent: private addresses refused. */
  webhooks?: WebhookSettings;
}

export interface SendPolicy {
  /** Attempts per message before it is failed for good. */
  maxAttempts: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * A worker's claim on a send: longer than any channel's timeout. If the worker dies, the
   * message is tried again once this has passed.
   */
  leaseMs: number;
}

export interface JobInfo {
  id: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

/** A clinic's job carries its clinicId; a recurring one (crontab, worker.ts) may carry none. */
export interface TaskDefinition<Payload extends object = { clinicId: string }> {
  name: string;
  payload: z.ZodType<Payload>;
  run(payload: Payload, deps: WorkerDeps, job: JobInfo): Promise<void>;
}

export function defineTask<Payload extends object>(task: TaskDefinition<Payload>): TaskDefinition<Payload> {
  return task;
}
