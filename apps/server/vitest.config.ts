import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One throwaway PostgreSQL per run, migrated, shared by the test files (see @frontdesk/db/testing).
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    // One file at a time: the fault tests time restarts and races to the second, and the shared
    // HTTP suite (a Node server and workerd under a 20-way race) beside them skews those clocks.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
