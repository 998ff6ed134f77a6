/* eslint-disable no-restricted-properties -- an entry point: the one place that reads process.env */
// `pnpm edge`: the edge counterpart of `pnpm start`. After `pnpm build`, runs the worker in local
// workerd on PORT against DATABASE_URL (through the Hyperdrive binding, as in production), with the
// web app from Workers static assets, and the same settings as the Node server (.env.example).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfig } from "@frontdesk/api";
import { startWorkerd } from "./workerd";

const webDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

async function main() {
  // The same checks and messages as `pnpm start`.
  const config = parseConfig(process.env);
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL: required to start the edge server (`pnpm db:up` prints a local one)");
  if (!existsSync(path.join(webDist, "index.html"))) throw new Error("apps/web/dist is missing: run `pnpm build` first");
  // Every setting the configuration knows, as the operator wrote it; the database goes through Hyperdrive.
  const known = new Set(Object.keys(config));
  const vars = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => known.has(entry[0]) && entry[0] !== "DATABASE_URL" && entry[1] !== undefined && entry[1] !== ""));
  const worker = await startWorkerd({
    databaseUrl: config.DATABASE_URL,
    vars: { NODE_ENV: config.NODE_ENV, PUBLIC_URL: config.PUBLIC_URL, ...vars },
    assetsDir: webDist,
    ...(config.PORT ? { port: config.PORT } : {}),
    stateDir: fileURLToPath(new URL("../../.wrangler-local", import.meta.url)),
    onOutput: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`Frontdesk (workerd) listening on ${worker.base} (public URL ${config.PUBLIC_URL}), started in ${Math.round(worker.startMs)} ms\n`);
  process.stdout.write("Mail and notifications are queued in the database: `pnpm start:worker` sends them.\n");
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      worker.stop().then(
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
