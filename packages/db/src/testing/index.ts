// Test helpers for every package that needs a real database (`@frontdesk/db/testing`).
import { inject } from "vitest";
import { createDb } from "../client";
import { provisionDatabase, type LocalUrls } from "../local/postgres";
import "./provided";

export { createTestClinic, type TestClinic } from "./fixtures";
export { indexConditions, indexScans, type IndexScan } from "./plans";

/** A pool connected as `frontdesk_app`, the role the server uses: row-level security applies. */
export function connectAsApp(options: { max?: number } = {}) {
  return createDb(inject("database").appUrl, options);
}

/** A pool connected as the owner role (migrations): for arranging what the app may not do itself. */
export function connectAsOwner() {
  return createDb(inject("database").adminUrl, { max: 2 });
}

/** A new, migrated database in the test server, for tests that change the schema itself. */
export async function createFreshDatabase(name: string): Promise<LocalUrls> {
  return provisionDatabase(inject("databaseServer"), name);
}
