import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    setupFiles: ["./src/test/setup.ts"],
    // The component tests run in the clinic-agnostic zone of a patient abroad unless a test says otherwise.
    env: { TZ: "America/Los_Angeles" },
    testTimeout: 15_000,
  },
});
