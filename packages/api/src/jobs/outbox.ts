// Draining the job outbox (ADR 0055): requests enqueue a job as a row of job_outbox (queue.ts,
// migration 0038); a worker moves the rows to graphile-worker's queue in batches. Woken by the
// outbox's notification when a request commits, and by a poll that catches what a lost
// notification or a worker down at the time left behind.
import { createDb } from "@frontdesk/db";
import { sql } from "drizzle-orm";
import { describeForLog } from "../errors";
import type { Logger } from "../ports";

/** Jobs moved per drain transaction: one add_jobs call and one commit for the lot. */
export const OUTBOX_BATCH = 500;
export const OUTBOX_CHANNEL = "job_outbox";

/**
 * Moves every waiting row to the queue, batch by batch, over the queue's connection (the owner:
 * drain_job_outbox is not the app role's to call); says how many it moved. Each batch is one
 * transaction: a failure leaves that batch's rows for the next drain, and jobs are idempotent.
 */
export async function drainOutbox(db: ReturnType<typeof createDb>["db"]): Promise<number> {
  let moved = 0;
  for (;;) {
    const [row] = await db.execute<{ moved: number }>(sql`select drain_job_outbox(${OUTBOX_BATCH}) as moved`);
    const batch = Number(row?.moved ?? 0);
    moved += batch;
    if (batch < OUTBOX_BATCH) return moved;
  }
}

export interface OutboxDrain {
  /** Resolves once no drain is running any more; drains nothing afterwards. */
  stop(): Promise<void>;
}

/** Drains now, on every outbox notification and every `pollIntervalMs`, one drain at a time. */
export async function startOutboxDrain(options: { connectionString: string; logger: Logger; pollIntervalMs: number }): Promise<OutboxDrain> {
  const { db, client, close } = createDb(options.connectionString, { max: 1 });
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const drain = (): void => {
    if (stopped) return;
    if (running) {
      // Rows committed while this drain runs may be past its last batch: one more round after it.
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await drainOutbox(db);
      } while (again && !stopped);
    })()
      .catch((error: unknown) => {
        // The rows stay in the outbox; the next poll tries again (not at once: the database may be down).
        again = false;
        options.logger.error({ component: "jobs", error: describeForLog(error) }, "job outbox drain failed");
      })
      .finally(() => {
        running = undefined;
        // A notification that came as the last round ended.
        if (again) drain();
      });
  };
  const listening = await client.listen(OUTBOX_CHANNEL, drain, drain);
  const timer = setInterval(drain, options.pollIntervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listening.unlisten().catch(() => undefined);
      await running;
      await close();
    },
  };
}
