// The system under test, as one child process (run with tsx): a throwaway PostgreSQL, migrated
// and seeded with the demo clinics, the web app built for production, and the real Node server
// serving both. Prints one JSON line when ready; SIGTERM stops everything and removes the data.
/* eslint-disable no-restricted-properties -- test tooling: passes the machine's settings to the server's config */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfig, setOperatorFlag } from "@frontdesk/api";
import { createDb } from "@frontdesk/db";
import { seedDemo } from "@frontdesk/db/local";
import { startTestServer } from "@frontdesk/db/testing/server";
import { build } from "vite";
import { startServer } from "../../server/src/node";

const webRoot = fileURLToPath(new URL("..", import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function main() {
  const scratch = await mkdtemp(path.join(tmpdir(), "frontdesk-e2e-"));
  // Run in reverse order: the server, then the database, then the scratch folder.
  const stopAll: Array<() => Promise<void>> = [() => rm(scratch, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stopAll.splice(0).reverse()) await step().catch(() => undefined);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
  try {
    const startDatabase = async () => {
      const postgres = await startTestServer();
      stopAll.push(() => postgres.stop());
      const { db, close } = createDb(postgres.urls.appUrl, { max: 2 });
      await seedDemo(db, { now: new Date() }).finally(close);
      // The operator opens the calendar feeds' rollout to the Paris demo clinic (as `pnpm flags` would).
      const operator = createDb(postgres.urls.adminUrl, { max: 1 });
      await setOperatorFlag(operator.db, "demo-paris", "calendarFeeds", true, new Date()).finally(operator.close);
      return postgres;
    };
    const outDir = path.join(scratch, "web");
    // The build (bundling on worker threads) and the database's start, migrations and seed (mostly
    // waiting on PostgreSQL) overlap instead of queueing: the stack is ready seconds sooner.
    // Both settle before a failure is thrown, so the stop below finds the database it must stop.
    const [database, web] = await Promise.allSettled([startDatabase(), build({ root: webRoot, logLevel: "warn", build: { outDir, emptyOutDir: true } })]);
    if (database.status === "rejected") throw database.reason;
    if (web.status === "rejected") throw web.reason;
    const postgres = database.value;

    const port = await freePort();
    const url = `http://localhost:${port}`;
    const config = parseConfig({
      NODE_ENV: "test",
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: process.env.FRONTDESK_E2E_LOG_LEVEL ?? "warn",
      MAIL_DIR: path.join(scratch, "mail"),
      // The queue's connection: the in-process job worker sends confirmations to the file sink.
      DATABASE_ADMIN_URL: postgres.urls.adminUrl,
      SHUTDOWN_GRACE_SECONDS: "2",
    });
    const server = await startServer(config, { databaseUrl: postgres.urls.appUrl, webRoot: outDir });
    stopAll.push(() => server.stop());
    process.stdout.write(`${JSON.stringify({ url, adminUrl: postgres.urls.adminUrl, appUrl: postgres.urls.appUrl, mailDir: config.MAIL_DIR, webDir: outDir })}\n`);
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`e2e stack failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
