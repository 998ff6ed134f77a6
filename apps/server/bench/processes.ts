/* eslint-disable no-restricted-properties -- benchmark tooling: the child's PATH comes from the bench's own environment */
// What the benchmarks share: percentiles, CPU time read from /proc, and starting a server process.
// One copy here, so that every bench counts CPU and starts its servers the same way.
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { flagOption } from "./options";

/** BENCH_PROFILE=1: every server process a bench starts writes a CPU profile to /tmp/frontdesk-prof. */
const PROFILE = flagOption("BENCH_PROFILE");

/** The p-th percentile of ascending `sorted` (nearest rank); NaN when there is nothing to rank. */
export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

/**
 * /proc/<pid>/stat: parent pid, CPU seconds used (user + system), and those of its children that
 * have exited and been waited for; undefined once gone. Linux only.
 */
export async function procStat(pid: string): Promise<{ ppid: string; seconds: number; exitedChildren: number } | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = /^\d+ \(.*\) (.*)$/.exec(stat.trim())?.[1]?.split(" ");
  if (!fields) return undefined;
  return { ppid: fields[1]!, seconds: (Number(fields[11]) + Number(fields[12])) / 100, exitedChildren: (Number(fields[13]) + Number(fields[14])) / 100 };
}

/**
 * CPU seconds used so far by the process `pid` and, with `children`, by its child processes: those
 * alive now (a cluster's copies, PostgreSQL's backends) and those gone (pgbench's backends end with it).
 */
export async function cpuSeconds(pid: number, children = false): Promise<number> {
  const own = await procStat(String(pid));
  let seconds = (own?.seconds ?? 0) + (children ? (own?.exitedChildren ?? 0) : 0);
  if (children) {
    for (const entry of await readdir("/proc").catch(() => [])) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await procStat(entry);
      if (stat?.ppid === String(pid)) seconds += stat.seconds;
    }
  }
  return seconds;
}

/** The postmaster's pid: the parent of a backend. */
export async function postmasterPid(appUrl: string): Promise<number> {
  const sql = postgres(appUrl, { max: 1 });
  const [row] = await sql<Array<{ pid: number }>>`select pg_backend_pid() as pid`;
  // Read while the backend is still alive.
  const ppid = Number((await procStat(String(row!.pid)))?.ppid ?? 0);
  await sql.end();
  if (!ppid) throw new Error("could not find the postmaster's pid");
  return ppid;
}

export interface BenchProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Runs `script` with tsx and `env`; resolves with the URL it prints ("listening on http://…").
 * BENCH_PROFILE=1 writes a CPU profile of it to /tmp/frontdesk-prof. `onLine` sees every line of
 * its stdout after that (the request log).
 */
export async function startProcess(script: string, env: Record<string, string>, options: { onLine?: (line: string) => void } = {}): Promise<BenchProcess> {
  const profile = PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/frontdesk-prof"] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`${path.basename(script)} exited with ${code}`)));
  });
  // Keep draining the request log (as a log shipper would) so the server never blocks on it,
  // without holding it in memory.
  child.stdout.removeAllListeners("data");
  const onLine = options.onLine;
  if (onLine) {
    let rest = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
  }
  child.stdout.resume();
  return {
    url: url.replace("localhost", "127.0.0.1"),
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

