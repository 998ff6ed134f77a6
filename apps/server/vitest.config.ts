import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One throwaway PostgreSQL per run, migrated, shared by the test files (see @frontdesk/db/testing).
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
