// `pnpm start:worker`: the job worker alone, for deployments that run the web processes with
// WORKER=off. Stops on SIGTERM after its running jobs finish.
/* eslint-disable no-restricted-properties -- an entry point: the one place that reads process.env */
import { parseConfig } from "@frontdesk/api";
import { createDb } from "@frontdesk/db";
import pino from "pino";
import { mailerOf, queueUrlOf, startJobWorker } from "./job-worker";
import { superviseProcess } from "./supervisor";
import { assertSupportedNode } from "./node-version";

async function main() {
  assertSupportedNode();
  const config = parseConfig(process.env);
  const queueUrl = queueUrlOf(config);
  if (!config.DATABASE_URL || !queueUrl) throw new Error("DATABASE_URL and WORKER_DATABASE_URL (or DATABASE_ADMIN_URL): required to start the job worker");
  const logger = pino({ level: config.LOG_LEVEL, base: undefined });
  const { db, close } = createDb(config.DATABASE_URL, { max: config.WORKER_CONCURRENCY + 1, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS });
  const worker = await startJobWorker(config, { db, mailer: mailerOf(config, logger), logger, queueUrl });
  superviseProcess(logger);
  logger.info({ component: "jobs", concurrency: config.WORKER_CONCURRENCY }, "job worker started");
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // Running jobs finish; the queue's connection and the pool close after them.
      worker
        .stop()
        .then(close)
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
