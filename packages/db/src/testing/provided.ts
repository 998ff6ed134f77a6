import type { LocalServer, LocalUrls } from "../local/postgres";

// What the global setup hands to every test file through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    database: LocalUrls;
    databaseServer: LocalServer;
  }
}
