// `pnpm build`: bundles the Node server into dist/node.js (workspace TypeScript included).
import { build } from "esbuild";

await build({
  entryPoints: ["src/node.ts", "src/start-worker.ts"],
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // Native addon, pino's worker-thread transports and the job queue (its own migrations and
  // config loader read files beside it) must stay real node_modules.
  external: ["@node-rs/argon2", "pino", "graphile-worker", "nodemailer"],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: "warning",
});
