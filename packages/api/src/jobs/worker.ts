// The job worker (Node only; ADR 0021): graphile-worker over its own connection (the queue's
// role), running the registered tasks with the app's dependencies. Several workers, in one
// process or many, share the queue: graphile-worker hands each job to one of them
// (SELECT … FOR UPDATE SKIP LOCKED) and wakes them with LISTEN/NOTIFY.
import { Logger as QueueLogger, parseCronItems, run, runOnce, type Job, type LogLevel, type Runner, type TaskList } from "graphile-worker";
import { createDb } from "@frontdesk/db";
import type { Logger } from "../ports";
import { RETENTION_CRON, RETENTION_SWEEP_TASK } from "../data-rights/retention-task";
import { drainOutbox, startOutboxDrain } from "./outbox";
import { TASKS } from "./tasks";
import type { TaskDefinition, WorkerDeps } from "./task";

export interface WorkerOptions {
  /** The queue's connection (WORKER_DATABASE_URL; by default the owner's, DATABASE_ADMIN_URL). */
  connectionString: string;
  deps: WorkerDeps;
  tasks?: readonly TaskDefinition[];
  /** Jobs run at once in this worker. */
  concurrency?: number;
  /** How often to look for jobs whose time has come (new jobs wake the worker at once). */
  pollIntervalMs?: number;
}

export const JOB_QUEUE_SCHEMA = "graphile_worker";

/** graphile-worker's log lines carry task names and job ids, never payloads; errors only their class. */
function queueLogger(logger: Logger): QueueLogger {
  return new QueueLogger(() => (level: LogLevel, message: string) => {
    // LogLevel is a const enum (not importable here): its values are these strings.
    const name: string = level;
    if (name === "error") logger.error({ component: "jobs" }, message);
    else if (name === "warning") logger.warn({ component: "jobs" }, message);
  });
}

function taskList(tasks: readonly TaskDefinition[], deps: WorkerDeps): TaskList {
  return Object.fromEntries(
    tasks.map((task) => [
      task.name,
      async (payload: unknown, helpers: { job: Job }) => {
        const parsed = task.payload.safeParse(payload);
        if (!parsed.success) {
          // A payload no handler can read will not get better: dropped, with its id in the log.
          deps.logger.error({ component: "jobs", task: task.name, jobId: helpers.job.id }, "job payload rejected");
          return;
        }
        await task.run(parsed.data, deps, { id: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
      },
    ]),
  );
}

function runnerOptions(options: WorkerOptions) {
  return {
    connectionString: options.connectionString,
    schema: JOB_QUEUE_SCHEMA,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollIntervalMs ?? 1_000,
    noHandleSignals: true,
    logger: queueLogger(options.deps.logger),
    taskList: taskList(options.tasks ?? TASKS, options.deps),
    // Recurring work (the retention run); only a worker that knows the task gets the line.
    parsedCronItems: parseCronItems((options.tasks ?? TASKS).some((task) => task.name === RETENTION_SWEEP_TASK) ? [RETENTION_CRON] : []),
  };
}

export interface RunningWorker {
  /** Stops taking jobs, lets the running ones finish, closes the queue's connections. */
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  // Requests enqueue into the outbox (ADR 0055); this worker also moves those rows to the queue.
  const outbox = await startOutboxDrain({ connectionString: options.connectionString, logger: options.deps.logger, pollIntervalMs: options.pollIntervalMs ?? 1_000 });
  const runner: Runner = await run(runnerOptions(options)).catch(async (error: unknown) => {
    await outbox.stop();
    throw error;
  });
  return {
    async stop() {
      // Jobs finishing while the runner stops may still enqueue: the drain stops after them.
      await runner.stop();
      await outbox.stop();
    },
  };
}

/**
 * Runs every job that is due now, then returns (tests, scripts). Jobs that enqueue others (a plan
 * enqueues its sends) put them in the outbox: drained and run again until nothing new is due.
 */
export async function runDueJobs(options: WorkerOptions): Promise<void> {
  const { db, close } = createDb(options.connectionString, { max: 1 });
  try {
    await drainOutbox(db);
    do {
      await runOnce(runnerOptions(options));
    } while ((await drainOutbox(db)) > 0);
  } finally {
    await close();
  }
}
