import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK = 4_711_2026;

/**
 * Applies pending migrations as the owner role. Safe to run twice, and from several processes at
 * once: an advisory lock makes the second one wait and then find nothing to do.
 */
export async function runMigrations(adminUrl: string): Promise<void> {
  const { db, close } = createDb(adminUrl, { max: 1, prepare: false });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migrate(db, { migrationsFolder });
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await close();
  }
}
