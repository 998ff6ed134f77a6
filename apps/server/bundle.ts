// How the Node server is bundled: one set of options for `pnpm build` (build.ts) and for the
// tests that start the production build (node, faults, cluster), so they test what ships.
import type { BuildOptions } from "esbuild";

export const serverBundle = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Native addon, pino's worker-thread transports and the job queue (its own migrations and
  // config loader read files beside it) must stay real node_modules.
  external: ["@node-rs/argon2", "pino", "graphile-worker", "nodemailer"],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
} satisfies BuildOptions;
