// `pnpm db:up | db:down | db:migrate | db:seed`: the developer's database commands.
/* eslint-disable no-restricted-properties -- an entry point: the one place that reads process.env */
import { createDb } from "../client";
import { readDatabaseEnv, type DatabaseEnv } from "../env";
import { runMigrations } from "../migrate";
import { describeDemo, seedDemo } from "../seed";
import { localUrls, provisionDatabase, startServer, stopServer } from "./postgres";

async function ensureLocal(env: Extract<DatabaseEnv, { kind: "local" }>) {
  await startServer(env.server);
  return provisionDatabase(env.server);
}

async function appUrl(env: DatabaseEnv): Promise<string> {
  if (env.kind === "external") return env.appUrl;
  return (await ensureLocal(env)).appUrl;
}

const commands: Record<string, (env: DatabaseEnv) => Promise<void>> = {
  async up(env) {
    if (env.kind === "external") throw new Error("DATABASE_URL is set: there is no local server to start.");
    await ensureLocal(env);
    process.stdout.write(`Local PostgreSQL is running on port ${env.server.port} (data in ${env.server.dataDir}).\n`);
    process.stdout.write(`  DATABASE_URL=${localUrls(env.server).appUrl}\n`);
  },
  async down(env) {
    if (env.kind === "external") throw new Error("DATABASE_URL is set: there is no local server to stop.");
    await stopServer(env.server);
    process.stdout.write("Local PostgreSQL stopped.\n");
  },
  async migrate(env) {
    if (env.kind === "local") {
      await ensureLocal(env);
    } else {
      if (!env.adminUrl) throw new Error("DATABASE_ADMIN_URL is required to migrate an external server (the owner role's URL).");
      await runMigrations(env.adminUrl);
    }
    process.stdout.write("Migrations applied.\n");
  },
  async seed(env) {
    const { db, close } = createDb(await appUrl(env), { max: 4 });
    try {
      const result = await seedDemo(db, { now: new Date() });
      process.stdout.write(`${result.created ? "Demo data created" : "Demo data already present"}.\n\n${describeDemo(result)}`);
    } finally {
      await close();
    }
  },
};

const name = process.argv[2] ?? "";
const command = commands[name];
if (!command) {
  process.stderr.write(`usage: cli.ts ${Object.keys(commands).join(" | ")}\n`);
  process.exit(2);
}
try {
  await command(readDatabaseEnv(process.env));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
