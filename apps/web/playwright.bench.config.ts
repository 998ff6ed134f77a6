// `pnpm --filter @frontdesk/web bench` (part of `pnpm bench`): page-speed measures in Debian's
// Chromium against the production build and server that the end-to-end tests use. Figures are
// reported, not asserted as timed tests (docs/BENCHMARKS.md).
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({
  ...base,
  testDir: "bench",
  testMatch: "**/*.bench.ts",
  outputDir: "test-results/bench",
  timeout: 300_000,
  use: { ...base.use, trace: "off", screenshot: "off" },
});
