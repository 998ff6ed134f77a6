// Which of Node's built-in modules a bundle reaches. workerd offers only some of them under
// nodejs_compat; wrangler fills the others with stubs that throw when called, so a worker that
// imports one starts fine and fails on the request that uses it. The check bundles the entry as
// workerd would and names every built-in it reaches outside WORKERD_NODE_MODULES.
import { build } from "esbuild";

/** What workerd implements under the nodejs_compat flag (and what the worker may use). */
export const WORKERD_NODE_MODULES = ["buffer", "events", "crypto", "stream", "string_decoder", "util", "assert", "async_hooks", "path", "url", "process", "diagnostics_channel"] as const;

/** The built-ins `entry` reaches that workerd lacks (empty: it runs there). */
export async function missingNodeModules(entry: string, outfile: string): Promise<string[]> {
  const missing = new Set<string>();
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "import"],
    mainFields: ["module", "main"],
    external: ["cloudflare:*", ...WORKERD_NODE_MODULES.flatMap((m) => [`node:${m}`, m])],
    logLevel: "silent",
    plugins: [
      {
        name: "node-builtins",
        setup(bundle) {
          bundle.onResolve({ filter: /^node:/ }, (args) => {
            if (!(WORKERD_NODE_MODULES as readonly string[]).includes(args.path.slice("node:".length))) missing.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return [...missing].sort();
}
