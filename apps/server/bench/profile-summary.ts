// `tsx bench/profile-summary.ts <profile or folder> [requests]`: where a server's CPU went, from the
// V8 CPU profile that BENCH_PROFILE=1 makes a bench's server write (--cpu-prof, /tmp/frontdesk-prof).
// Self time by part (a package, a part of Node, our own packages, garbage collection) and the
// functions with the most self time; with `requests`, also per request. The newest profile of a
// folder is read. Self time only: what a part's own code ran, not what it called.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part a function belongs to, from its script's URL. */
function partOf(url: string, functionName: string): string {
  if (!url) return functionName || "(anonymous)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (ours) return `@frontdesk/${ours[2]}`;
  const internal = /^node:(?:internal\/)?([^/]+)/.exec(url);
  if (internal) return `node:${internal[1]}`;
  return url;
}

async function newest(target: string): Promise<string> {
  if (!(await stat(target)).isDirectory()) return target;
  const files = (await readdir(target)).filter((f) => f.endsWith(".cpuprofile"));
  const dated = await Promise.all(files.map(async (f) => ({ f, at: (await stat(path.join(target, f))).mtimeMs })));
  const last = dated.sort((a, b) => b.at - a.at)[0];
  if (!last) throw new Error(`no .cpuprofile in ${target}`);
  return path.join(target, last.f);
}

async function main() {
  const [target = "/tmp/frontdesk-prof", requestsArg] = process.argv.slice(2);
  const file = await newest(target);
  const profile = JSON.parse(await readFile(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") return;
    total += us;
    const part = partOf(url, functionName);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${part}${url ? `:${lineNumber + 1}` : ""}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  });
  const requests = requestsArg ? Number(requestsArg) : undefined;
  const show = (us: number) => `${(us / 1000).toFixed(0)} ms (${((100 * us) / total).toFixed(1)}%${requests ? `, ${(us / 1000 / requests).toFixed(2)} ms/request` : ""})`;
  const lines = [`${path.basename(file)}: ${(total / 1000).toFixed(0)} ms of CPU outside idle${requests ? ` over ${requests} requests` : ""}`, "", "Self time by part:"];
  for (const [part, us] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 30)) lines.push(`  ${part}: ${show(us)}`);
  lines.push("", "Functions with the most self time:");
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 40)) lines.push(`  ${fn}: ${show(us)}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
