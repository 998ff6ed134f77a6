// `pnpm check:worker`: bundles the edge entry point as Cloudflare's workerd would load it. Node's
// file system, network, child processes and native addons are not there: an import of one of them
// anywhere the worker reaches makes this fail. (Type-checking alone cannot tell: some dependencies'
// type definitions pull in Node's types.)
import { build } from "esbuild";

// What workerd offers under the nodejs_compat flag; anything else from node: fails to resolve.
const nodejsCompat = ["buffer", "events", "crypto", "stream", "string_decoder", "util", "assert", "async_hooks", "path", "url", "process", "diagnostics_channel"];

await build({
  entryPoints: ["src/worker.ts"],
  outfile: "dist/worker.js",
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  conditions: ["workerd", "worker", "import"],
  mainFields: ["module", "main"],
  external: ["cloudflare:*", ...nodejsCompat.flatMap((m) => [`node:${m}`, m])],
  logLevel: "error",
});
process.stdout.write("worker bundle OK: no Node-only module reached\n");
