// SERVER_PROCESSES=2 against the production build (ADR 0062): one primary, two copies sharing a
// port, one database. Which copy answered is read from the copies' own request log lines (each
// carries its pid; the test names every request with X-Request-Id), so nothing is added to the
// answers for the test's sake. Every request goes over a connection of its own, as the primary
// hands out connections, not requests, in turn.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createBookableClinic, type BookableClinic } from "@frontdesk/api/testing";
import { createSession } from "@frontdesk/auth";
import { createDb } from "@frontdesk/db";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serverBundle } from "../bundle";

const ORIGIN = "http://localhost:3000";
const METRICS_TOKEN = "cluster-test-metrics-token";
const POOL_SIZE = 3;
const dist = fileURLToPath(new URL("../dist-test/cluster/node.js", import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Primary {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
  output: () => string;
}

function startPrimary(env: Record<string, string>): Primary & { started: Promise<void> } {
  const child = spawn(process.execPath, [dist], { env, cwd: path.dirname(dist) });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const primary = { child, base: "", exited, output: () => output };
  const started = (async () => {
    // Up to 30 s: on a loaded 2-core CI machine three processes loading the bundle took over 15 s.
    for (let i = 0; i < 600 && !/listening on/.test(output) && child.exitCode === null; i++) await sleep(50);
    const base = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (!base) throw new Error(`cluster did not start:\n${output}`);
    primary.base = base.replace("localhost", "127.0.0.1");
  })();
  return Object.assign(primary, { started });
}

/** The JSON log lines written so far (the primary's and the copies'). */
const logLines = (primary: Primary) =>
  primary
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg?: string; pid?: number; slot?: number; requestId?: string; status?: number; path?: string });

/** The pid of the copy now serving each slot, from the primary's "server process listening" lines. */
function copies(primary: Primary): Map<number, number> {
  const bySlot = new Map<number, number>();
  for (const line of logLines(primary)) if (line.msg === "server process listening") bySlot.set(line.slot!, line.pid!);
  return bySlot;
}

/** Which process logged the request named `requestId` (polled: the copies write their logs asynchronously). */
async function answeredBy(primary: Primary, requestId: string): Promise<number | undefined> {
  for (let i = 0; i < 100; i++) {
    const line = logLines(primary).find((l) => l.msg === "request" && l.requestId === requestId);
    if (line) return line.pid;
    await sleep(50);
  }
  return undefined;
}

/** One request over a new connection; resolves with its status, body, and the pid that answered. */
async function fresh(primary: Primary, pathname: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const requestId = `cluster-${crypto.randomUUID()}`;
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(`${primary.base}${pathname}`, { method: options.method ?? "GET", agent: false, headers: { "X-Request-Id": requestId, ...options.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.once("error", reject);
    request.end(options.body);
  });
  return { status, body, pid: await answeredBy(primary, requestId) };
}

/** An open calendar.changes stream on a connection of its own: the ids and payloads it delivered. */
async function subscribe(primary: Primary, cookie: string) {
  const requestId = `feed-${crypto.randomUUID()}`;
  const abort = new AbortController();
  const payloads: string[] = [];
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = httpRequest(`${primary.base}/trpc/calendar.changes?input=${encodeURIComponent("{}")}`, { agent: false, signal: abort.signal, headers: { Accept: "text/event-stream", Cookie: cookie, "X-Request-Id": requestId } }, resolve);
    request.once("error", reject);
    request.end();
  });
  expect(response.statusCode).toBe(200);
  let buffer = "";
  response.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const data = /^data: ?(.+)$/m.exec(buffer.slice(0, end))?.[1];
      if (/^id: /m.test(buffer.slice(0, end)) && data) payloads.push(data);
      buffer = buffer.slice(end + 2);
    }
  });
  response.on("error", () => undefined);
  return { payloads, pid: await answeredBy(primary, requestId), close: () => abort.abort() };
}

/** Polls `check` every 50 ms for at most `limitMs`; whether it came to hold. */
async function eventually(check: () => boolean | Promise<boolean>, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

const environOf = async (pid: number) => (await readFile(`/proc/${pid}/environ`, "utf8")).split("\0");

let primary: Primary;
let clinic: BookableClinic;
let db: ReturnType<typeof createDb>;

beforeAll(async () => {
  await build({
    ...serverBundle,
    entryPoints: [fileURLToPath(new URL("./node.ts", import.meta.url))],
    outfile: dist,
    logLevel: "error",
  });
  const urls = inject("database");
  db = createDb(urls.appUrl, { max: 2 });
  clinic = await createBookableClinic(db.db, { timezone: "UTC", practitioners: 1, hours: { start: "06:00", end: "22:00" }, service: { durationMinutes: 15 }, policy: { slotStepMinutes: 15 } });
  const started = startPrimary({
    NODE_ENV: "production",
    PORT: "0",
    SERVER_PROCESSES: "2",
    DATABASE_URL: urls.appUrl,
    // The job worker's queue connection: it must start in one copy only.
    DATABASE_ADMIN_URL: urls.adminUrl,
    DB_POOL_SIZE: String(POOL_SIZE),
    PUBLIC_URL: ORIGIN,
    LOG_LEVEL: "info",
    RATE_LIMITS: "off",
    METRICS_TOKEN,
    SHUTDOWN_GRACE_SECONDS: "5",
    MASTER_KEY: "YS10ZXN0LW1hc3Rlci1rZXktZm9yLXByb2QtcnVucyE=",
    MAIL_DIR: await mkdtemp(path.join(tmpdir(), "frontdesk-cluster-mail-")),
  });
  primary = started;
  await started.started;
}, 60_000);

afterAll(async () => {
  if (primary?.child.exitCode === null) primary.child.kill("SIGKILL");
  await db?.close();
});

/**
 * Requests over new connections until each copy now serving has answered one (for at most 15 s).
 * The primary hands a connection to the next copy that is free: one busy for a moment (the job
 * worker's copy, running what earlier test files queued) may be skipped several times in a row.
 */
async function untilEveryCopyAnswers<T extends { pid?: number }>(ask: () => Promise<T>): Promise<Map<number, T>> {
  const want = new Set(copies(primary).values());
  const answers = new Map<number, T>();
  const deadline = Date.now() + 15_000;
  while (answers.size < want.size && Date.now() < deadline) {
    const answer = await ask();
    if (answer.pid !== undefined) answers.set(answer.pid, answer);
  }
  return answers;
}

describe("SERVER_PROCESSES=2", () => {
  it("says it listens once, answers from two processes of its own, and runs the job worker in one of them", async () => {
    expect(primary.output().match(/listening on/g)).toHaveLength(1);
    expect(primary.output()).toContain("2 processes");
    const pids = [...copies(primary).values()];
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(primary.child.pid);
    const answered = await untilEveryCopyAnswers(() => fresh(primary, "/healthz"));
    expect([...answered.keys()].sort()).toEqual([...pids].sort());
    for (const answer of answered.values()) expect(answer.status).toBe(200);
    const workerSettings = await Promise.all(pids.map(async (pid) => (await environOf(pid)).find((entry) => entry.startsWith("WORKER="))));
    expect(workerSettings.sort()).toEqual(["WORKER=off", "WORKER=on"]);
  });

  it("answers /metrics with the sum over both processes, whichever one is asked", async () => {
    const auth = { Authorization: `Bearer ${METRICS_TOKEN}` };
    const healthAnswers = (body: string) => Number(/^frontdesk_http_requests_total\{area="health",status="2xx"\} (\d+)$/m.exec(body)?.[1] ?? 0);
    // What both processes logged as answered health checks and scrapes (the test asks one at a time).
    const logged = () => logLines(primary).filter((l) => l.msg === "request" && l.status === 200 && ["/healthz", "/readyz", "/metrics"].includes(l.path ?? "")).length;
    const scrapes = await untilEveryCopyAnswers(async () => {
      const answeredBefore = logged();
      return { ...(await fresh(primary, "/metrics", { headers: auth })), answeredBefore };
    });
    expect(scrapes.size).toBe(2);
    for (const { status, body, answeredBefore } of scrapes.values()) {
      expect(status).toBe(200);
      // Every health answer of both processes so far (each answered some in the test above).
      expect(healthAnswers(body)).toBe(answeredBefore);
      // Each process's gate allows DB_POOL_SIZE; the cluster's sum is twice that.
      expect(body).toMatch(new RegExp(`^frontdesk_db_pool_size ${2 * POOL_SIZE}$`, "m"));
      // Read from the one database: one reading, not two added up.
      expect(body).toMatch(/^frontdesk_jobs_failed 0$/m);
    }
    expect((await fresh(primary, "/metrics", { headers: { Authorization: "Bearer wrong-token-of-some-length" } })).status).toBe(401);
  });

  it("delivers a booking made through either process to a calendar open on the other, and drops both processes' cached free times", async () => {
    const { token } = await createSession(db.db, { userId: clinic.ownerUserId, activeClinicId: clinic.clinicId, userAgent: "vitest", ip: null }, new Date(), { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 86_400_000 });
    const feeds = await untilEveryCopyAnswers(() => subscribe(primary, `frontdesk_session=${token}`));
    try {
      expect(feeds.size).toBe(2);
      const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const slots = `/trpc/public.slots?input=${encodeURIComponent(JSON.stringify({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: day, to: day }))}`;
      const starts = (body: string) => (JSON.parse(body) as { result: { data: { days: Array<{ starts: string[] }> } } }).result.data.days.flatMap((d) => d.starts);
      // Both processes keep the day's free times.
      const cached = await untilEveryCopyAnswers(() => fresh(primary, slots));
      expect(cached.size).toBe(2);
      const offered = starts([...cached.values()][0]!.body);

      const booked = new Map<number, { start: string; appointmentId: string }>();
      for (let i = 0; i < 10 && booked.size < 2; i++) {
        const start = offered[i]!;
        const key = crypto.randomUUID();
        const body = JSON.stringify({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, start, patient: { name: "Cluster Test", email: `cluster-${key.slice(0, 8)}@example.test` }, idempotencyKey: key });
        const answer = await fresh(primary, "/trpc/public.book", { method: "POST", body, headers: { "Content-Type": "application/json", Origin: ORIGIN } });
        expect(answer.status).toBe(200);
        const appointmentId = (JSON.parse(answer.body) as { result: { data: { appointment: { id: string } } } }).result.data.appointment.id;
        booked.set(answer.pid!, { start, appointmentId });
      }
      expect(booked.size).toBe(2);

      for (const [bookedBy, { appointmentId }] of booked) {
        const other = [...feeds.entries()].find(([pid]) => pid !== bookedBy)![1];
        expect(await eventually(() => other.payloads.some((p) => p.includes(appointmentId)), 5_000), `booked by ${bookedBy}, watched on ${other.pid}`).toBe(true);
      }
      // Neither process still offers a time that the other one booked.
      const taken = [...booked.values()].map((b) => b.start);
      const after = await untilEveryCopyAnswers(() => fresh(primary, slots));
      expect(after.size).toBe(2);
      for (const { body } of after.values()) expect(starts(body).filter((s) => taken.includes(s))).toEqual([]);
    } finally {
      for (const feed of feeds.values()) feed.close();
    }
  });

  it("replaces a process that dies, with the job worker where it was, and keeps answering", async () => {
    const before = copies(primary);
    const withWorker = await Promise.all([...before.entries()].map(async ([slot, pid]) => ({ slot, pid, on: (await environOf(pid)).includes("WORKER=on") })));
    const victim = withWorker.find((copy) => copy.on)!;
    process.kill(victim.pid, "SIGKILL");
    expect(await eventually(() => copies(primary).get(victim.slot) !== victim.pid, 10_000)).toBe(true);
    const replacement = copies(primary).get(victim.slot)!;
    expect(logLines(primary).some((l) => l.msg === "server process exited: starting another" && l.pid === victim.pid)).toBe(true);
    expect(await environOf(replacement)).toContain("WORKER=on");
    const answered = await untilEveryCopyAnswers(() => fresh(primary, "/healthz"));
    expect([...answered.keys()].sort()).toEqual([...copies(primary).values()].sort());
    expect(answered.has(replacement)).toBe(true);
  });

  it("stops every process on SIGTERM and exits 0", async () => {
    const pids = [...copies(primary).values()];
    primary.child.kill("SIGTERM");
    expect(await primary.exited).toBe(0);
    expect(pids.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  });
});

describe("SERVER_PROCESSES, refused", () => {
  it.each(["0", "two"])("refuses to start with SERVER_PROCESSES=%s, naming it", async (value) => {
    const refused = startPrimary({ SERVER_PROCESSES: value, DATABASE_URL: "postgres://x@localhost/x" });
    refused.started.catch(() => undefined);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain("SERVER_PROCESSES");
  });
});
