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
    // As findBy* (src/test/setup.ts): a poll answers as soon as it holds, the limit only covers a loaded machine.
    expect: { poll: { timeout: 5_000 } },
    // A file's beforeAll may preload its lazy pages (src/test/render.tsx), compiling them on a busy machine.
    hookTimeout: 30_000,
  },
});
