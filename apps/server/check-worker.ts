// `pnpm check:worker` (part of `pnpm typecheck`): bundles the edge entry point as Cloudflare's
// workerd would load it and fails if it reaches a Node built-in that workerd lacks, or a module
// that cannot be bundled at all (Node's file system, network, child processes, native addons).
// Type-checking alone cannot tell: some dependencies' type definitions pull in Node's types.
import { missingNodeModules } from "./src/edge/node-imports";

const missing = await missingNodeModules("src/worker.ts", "dist/worker.js");
if (missing.length > 0) {
  process.stderr.write(`the worker reaches Node modules workerd lacks: ${missing.join(", ")}\n`);
  process.exit(1);
}
process.stdout.write("worker bundle OK: no Node-only module reached\n");
