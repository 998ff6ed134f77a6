// The worker in the real workerd runtime, locally: `wrangler dev` (4.86, which bundles workerd) on
// loopback, offline, with Hyperdrive pointed at a local PostgreSQL. Used by `pnpm edge`, the edge
// tests and the benchmark. Nothing here reaches the network: telemetry, update checks and
// Cloudflare's request metadata lookup are off.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@frontdesk/db/local";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wranglerBin = path.join(path.dirname(createRequire(import.meta.url).resolve("wrangler/package.json")), "bin", "wrangler.js");

/** What wrangler must not do on a machine without internet (STACK.md, "Edge"). */
export const OFFLINE_ENV = {
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  WRANGLER_HIDE_BANNER: "true",
  WRANGLER_LOG: "warn",
  NO_UPDATE_NOTIFIER: "1",
} as const;

export interface WorkerdOptions {
  /** The app role's connection string: what Hyperdrive connects to (absent: no database binding). */
  databaseUrl?: string;
  /** The worker's entry point; default src/worker.ts (benchmarks run smaller ones). */
  main?: string;
  /** Settings as in .env.example (PUBLIC_URL, RATE_LIMITS...), passed as the worker's vars. */
  vars: Record<string, string>;
  /** The web app's built files; absent, the worker answers only the API. */
  assetsDir?: string;
  port?: number;
  /** Where wrangler writes its bundle and local state; default a fresh temporary folder. */
  stateDir?: string;
  /** Each line wrangler and the worker print (the worker logs JSON lines). */
  onOutput?: (line: string) => void;
}

export interface RunningWorkerd {
  base: string;
  /** From the spawn until /healthz first answered. */
  startMs: number;
  stop(): Promise<void>;
}

/** Starts `wrangler dev` for src/worker.ts and resolves once /healthz answers there. */
export async function startWorkerd(options: WorkerdOptions): Promise<RunningWorkerd> {
  const started = performance.now();
  const own = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(path.join(tmpdir(), "frontdesk-workerd-")));
  const port = options.port ?? (await freePort());
  const config = {
    name: "frontdesk-local",
    main: options.main ?? path.join(serverRoot, "src/worker.ts"),
    compatibility_date: "2026-04-26",
    compatibility_flags: ["nodejs_compat"],
    ...(options.databaseUrl ? { hyperdrive: [{ binding: "HYPERDRIVE", id: "local", localConnectionString: options.databaseUrl }] } : {}),
    ...(options.assetsDir
      ? { assets: { directory: options.assetsDir, binding: "ASSETS", not_found_handling: "single-page-application", run_worker_first: true } }
      : {}),
    vars: options.vars,
    send_metrics: false,
  };
  const configPath = path.join(stateDir, "wrangler.json");
  await writeFile(configPath, JSON.stringify(config, null, 2));
  const args = [
    wranglerBin,
    "dev",
    "--config",
    configPath,
    "--local",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(await freePort()),
    "--persist-to",
    path.join(stateDir, "state"),
    "--show-interactive-dev-session=false",
    "--log-level",
    "warn",
  ];
  const child = spawn(process.execPath, args, {
    cwd: stateDir,
    // eslint-disable-next-line no-restricted-properties -- wrangler needs the machine's environment (PATH, HOME) to run
    env: { ...process.env, ...OFFLINE_ENV, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    if (own) await rm(stateDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output.join("\n")}`);
    }
    const answer = await fetch(`${base}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (answer === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`workerd did not answer /healthz within 60 s:\n${output.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { base, startMs: performance.now() - started, stop };
}
