// Enqueueing jobs (ADR 0021): plain SQL through the database's enqueue_job(), in the caller's
// tenant transaction, so a change that rolls back enqueues nothing, and so the edge runtime can
// enqueue with nothing but postgres.js. The worker (jobs/worker.ts, Node only) runs them.
import type { Database, Transaction } from "@frontdesk/db";
import { sql } from "drizzle-orm";

export interface JobRequest {
  /** A registered task's name (jobs/tasks.ts), e.g. "message.send". */
  task: string;
  /** JSON-able ids and flags only: never patient data (jobs are visible to operators). */
  payload: Record<string, unknown>;
  /** Not before this instant; default now. */
  runAt?: Date;
  /**
   * Not before this long from now by the database's clock (instead of runAt). Work planned from the
   * app's clock uses it (`planned - clock.now()`), so the queue and an injected clock agree.
   */
  delayMs?: number;
  /**
   * Within the clinic, at most one pending job per key: enqueueing again with the same key
   * replaces the pending job's payload and time (re-planning a reminder). Prefixed with the
   * clinic by the database.
   */
  key?: string;
  /** How often the queue runs it before giving up (default 10). */
  maxAttempts?: number;
}

function runAtOf(job: JobRequest) {
  if (job.delayMs !== undefined) return sql`clock_timestamp() + make_interval(secs => ${Math.max(0, job.delayMs) / 1000}::float8)`;
  return sql`${job.runAt?.toISOString() ?? null}::timestamptz`;
}

/**
 * Adds a job for the transaction's clinic. The payload reaches the task with `clinicId` set by the
 * database from the scope. Issued before this returns, in call order, like recordAudit.
 */
export function enqueueJob(tx: Transaction, job: JobRequest): Promise<void> {
  return tx
    .execute(
      sql`select enqueue_job(${job.task}, ${JSON.stringify(job.payload)}::jsonb, ${runAtOf(job)}, ${job.key ?? null}, ${job.maxAttempts ?? null}::integer)`,
    )
    .execute()
    .then(() => undefined);
}

/** Removes the clinic's pending job with this key, if any (a job already running finishes). */
export function dequeueJob(tx: Transaction, key: string): Promise<void> {
  return tx
    .execute(sql`select dequeue_job(${key})`)
    .execute()
    .then(() => undefined);
}

/** The queue at a glance, for /metrics and /readyz?verbose: counts and the oldest waiting job's age. */
export interface JobQueueStats {
  waiting: number;
  running: number;
  failed: number;
  oldestWaitingSeconds: number;
}

/** Reads the queue's counts through job_queue_stats() (migration 0026): no job's clinic or payload. */
export async function readJobQueueStats(db: Database): Promise<JobQueueStats> {
  const [row] = await db.transaction((tx) =>
    tx.execute<{ waiting: string; running: string; failed: string; oldest_waiting_seconds: number }>(sql`select * from job_queue_stats()`),
  );
  return { waiting: Number(row?.waiting ?? 0), running: Number(row?.running ?? 0), failed: Number(row?.failed ?? 0), oldestWaitingSeconds: Number(row?.oldest_waiting_seconds ?? 0) };
}
