import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations as installJobQueue } from "graphile-worker";
import { createDb } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK = 4_711_2026;

/** The job queue's own tables and functions live in this schema, owned by the owner role (ADR 0021). */
export const JOB_QUEUE_SCHEMA = "graphile_worker";

/** graphile-worker reports each of its migrations on the console otherwise; ours say nothing either. */
const quiet = new Logger(() => () => undefined);

/**
 * Applies pending migrations as the owner role: first graphile-worker's (the job queue, ADR 0021),
 * then ours, whose functions call into it. Safe to run twice, and from several processes at
 * once: an advisory lock makes the second one wait and then find nothing to do.
 */
export async function runMigrations(adminUrl: string): Promise<void> {
  const { db, close } = createDb(adminUrl, { max: 1, prepare: false });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await installJobQueue({ connectionString: adminUrl, schema: JOB_QUEUE_SCHEMA, logger: quiet });
    await migrate(db, { migrationsFolder });
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await close();
  }
}
