// `pnpm build`: bundles the Node server into dist/node.js (workspace TypeScript included).
import { build } from "esbuild";
import { serverBundle } from "./bundle";

await build({
  ...serverBundle,
  entryPoints: ["src/node.ts", "src/start-worker.ts"],
  outdir: "dist",
  sourcemap: true,
  logLevel: "warning",
});
