import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export interface CreateDbOptions {
  /** Pool size: one pool per Node process; 1 for a short-lived edge request. */
  max?: number;
}

/** A Drizzle client over postgres.js. Web-standard enough for Node and edge runtimes alike. */
export function createDb(url: string, options: CreateDbOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    // Instants are exchanged in UTC whatever the server's default zone is.
    connection: { TimeZone: "UTC", application_name: "frontdesk" },
    // No catalog round trip on connect: required on edge runtimes, harmless on Node.
    fetch_types: false,
    onnotice: () => undefined,
  });
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}

export type Database = ReturnType<typeof createDb>["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
