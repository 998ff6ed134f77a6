// `pnpm build`: bundles the Node server into dist/node.js (workspace TypeScript included).
import { build } from "esbuild";

await build({
  entryPoints: ["src/node.ts"],
  outfile: "dist/node.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // Native addon and pino's worker-thread transports must stay real node_modules.
  external: ["@node-rs/argon2", "pino"],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: "warning",
});
