// `pnpm dev`: one command from a fresh clone to a running app. Starts the local PostgreSQL (unless
// DATABASE_URL is set), migrates, seeds the demo when the database is empty, and runs the server
// with reload. With the web app present, Vite's dev server (hot reload) answers on PORT and forwards
// /trpc to the API server one port up, so the browser's Origin still equals PUBLIC_URL. Prints
// the URL and the demo sign-ins.
/* eslint-disable no-restricted-properties -- an entry point: the one place that reads process.env */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDb } from "@frontdesk/db";
import { describeDemo, LOCAL_SERVER, provisionDatabase, readDatabaseEnv, runMigrations, seedDemo, startServer } from "@frontdesk/db/local";
import { parseConfig } from "@frontdesk/api";

/** The app's URL, and the owner's (migrations, and the job queue's connection) when known. */
async function prepareDatabase(): Promise<{ appUrl: string; adminUrl: string | undefined }> {
  const env = readDatabaseEnv(process.env);
  if (env.kind === "external") {
    if (env.adminUrl) await runMigrations(env.adminUrl);
    return { appUrl: env.appUrl, adminUrl: env.adminUrl };
  }
  process.stdout.write(`Starting the local PostgreSQL (data in ${LOCAL_SERVER.dataDir})…\n`);
  await startServer(LOCAL_SERVER);
  const urls = await provisionDatabase(LOCAL_SERVER);
  return { appUrl: urls.appUrl, adminUrl: urls.adminUrl };
}

async function main() {
  const config = parseConfig(process.env);
  const { appUrl: databaseUrl, adminUrl } = await prepareDatabase();
  const { db, close } = createDb(databaseUrl, { max: 2 });
  const seeded = await seedDemo(db, { now: new Date() }).finally(close);

  const viteBin = fileURLToPath(new URL("../../web/node_modules/vite/bin/vite.js", import.meta.url));
  const withWeb = existsSync(viteBin);
  const apiPort = withWeb ? config.PORT + 1 : config.PORT;
  const children: ChildProcess[] = [
    spawn(process.execPath, ["--import", "tsx", "--watch", fileURLToPath(new URL("./node.ts", import.meta.url))], {
      stdio: ["ignore", "inherit", "inherit"],
      // The server runs the job worker too (WORKER=off stops it), over the owner's connection.
      env: { ...process.env, DATABASE_URL: databaseUrl, ...(adminUrl ? { DATABASE_ADMIN_URL: adminUrl } : {}), PORT: String(apiPort), PUBLIC_URL: config.PUBLIC_URL },
    }),
  ];
  if (withWeb) {
    children.push(
      spawn(process.execPath, [viteBin, "--port", String(config.PORT), "--strictPort"], {
        cwd: fileURLToPath(new URL("../../web", import.meta.url)),
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, FRONTDESK_API_URL: `http://localhost:${apiPort}` },
      }),
    );
  }
  process.stdout.write(`\nFrontdesk: ${config.PUBLIC_URL}\n  book:  ${config.PUBLIC_URL}/book/demo-paris\n  staff: ${config.PUBLIC_URL}/app\n\n${describeDemo(seeded)}\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => children.forEach((child) => child.kill(signal)));
  // One part stopping stops the whole: a half-running dev setup only confuses.
  for (const child of children) {
    child.on("exit", (code) => {
      children.forEach((other) => other !== child && other.kill("SIGTERM"));
      process.exit(code ?? 0);
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
