// `pnpm --filter @frontdesk/server bench:cluster` (issue 22, ADR 0062): the same closed-loop load
// against the API run as one process and as two (SERVER_PROCESSES=2, node:cluster, one port), and
// against the floor (floor-server.ts) as one process and as two behind this script's own
// round-robin, in one run on one PostgreSQL.
// The load: CLIENTS clients back to back, each repeating 6 x public.slots (a month, one of
// CLINICS clinics), 3 x calendar.range (a day, as that clinic's owner), 1 x public.book (a
// distinct free time, so every booking succeeds and drops that clinic's cached free times in
// every process, as real bookings do). The floor answers every GET with the month of free times
// from memory and every POST with pgbench's booking transaction: the least the same requests cost.
// Then the API alone, 1 and 2 processes, with the same reads and no bookings: what the per-process
// caches cost when a change drops them in every process (the API's /metrics counts the cache
// misses, over all its processes).
// The configurations take turns, ROUNDS rounds of SECONDS seconds each, so that drift on the
// shared machine spreads over all of them. Everything runs on this machine: the server
// processes, PostgreSQL and the load generator share its cores, and the table says how busy
// they kept them.
// Options: BENCH_CLUSTER_SECONDS (10), BENCH_CLUSTER_ROUNDS (3), BENCH_CLUSTER_CLIENTS (16).
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { Agent, request as httpRequest } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createBookableClinic, type BookableClinic } from "@frontdesk/api/testing";
import { createSession } from "@frontdesk/auth";
import { createDb, withTenant } from "@frontdesk/db";
import { appointments, patients } from "@frontdesk/db/schema";
import { startTestServer } from "@frontdesk/db/testing/server";
import postgres from "postgres";
import { integerOption } from "./options";
import { cpuSeconds, percentile, postmasterPid, startProcess } from "./processes";

const SECONDS = integerOption("BENCH_CLUSTER_SECONDS", 10);
const ROUNDS = integerOption("BENCH_CLUSTER_ROUNDS", 3);
const CLIENTS = integerOption("BENCH_CLUSTER_CLIENTS", 16);
const WARM_SECONDS = 3;
const CLINICS = 4;
const PRACTITIONERS = 10;
/** Each client's loop, in order. */
const MIX = ["slots", "slots", "calendar", "slots", "slots", "calendar", "slots", "slots", "calendar", "book"] as const;
type Operation = (typeof MIX)[number];
/** The second part: the API alone with the same reads and no bookings, so that the cached free times stay. */
const READS = MIX.filter((op) => op !== "book");
const READ_ROUNDS = 2;
const METRICS_TOKEN = randomBytes(24).toString("hex");
const PUBLIC_URL = "http://localhost:3999";

const started = performance.now();
const progress = (step: string) => process.stderr.write(`[bench:cluster ${((performance.now() - started) / 1000).toFixed(0)}s] ${step}\n`);
const ms = (n: number) => n.toFixed(1);
const DAY = 86_400_000;
const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/** A configuration under test: where its requests go, and the pid whose process tree serves them. */
interface Target {
  label: string;
  kind: "api" | "floor";
  processes: number;
  /** Base URLs, taken in turn per request (the floor's round-robin; the API's cluster has one). */
  bases: string[];
  pids: number[];
  stop(): Promise<void>;
}

interface Reading {
  seconds: number;
  latencies: Map<Operation, number[]>;
  errors: number;
  serverCpu: number;
  postgresCpu: number;
  loadCpu: number;
  /** public.slots cache misses (a load started or joined), summed over the API's processes by its /metrics. */
  slotsMissed?: number;
}

async function main() {
  const database = await startTestServer();
  const { db, close } = createDb(database.urls.appUrl, { max: 4 });
  const targets: Target[] = [];
  try {
    // Clinics in UTC, 10 practitioners working 08:00-20:00 every day, a 15-minute service on a
    // 15-minute step, each practitioner with 6 appointments a day over the month the slots cover.
    const firstDay = Math.floor(Date.now() / DAY) * DAY + DAY;
    const clinics: BookableClinic[] = [];
    for (let c = 0; c < CLINICS; c++) {
      const clinic = await createBookableClinic(db, {
        timezone: "UTC",
        practitioners: PRACTITIONERS,
        hours: { start: "08:00", end: "20:00" },
        service: { durationMinutes: 15 },
        policy: { slotStepMinutes: 15, minNoticeMinutes: 0, horizonDays: 400 },
      });
      await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, async (tx) => {
        const [patient] = await tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Bench Patient" }).returning({ id: patients.id });
        const rows = [];
        for (let day = 0; day < 31; day++) {
          for (const [i, practitionerId] of clinic.practitionerIds.entries()) {
            for (const hour of [9, 10, 12, 14, 15, 17]) {
              const start = new Date(firstDay + day * DAY + hour * 3_600_000 + (i % 4) * 15 * 60_000);
              const end = new Date(start.getTime() + 15 * 60_000);
              rows.push({ clinicId: clinic.clinicId, practitionerId, serviceId: clinic.serviceId, patientId: patient!.id, startsAt: start, endsAt: end, blockedFrom: start, blockedTo: end, source: "staff" as const });
            }
          }
        }
        for (let i = 0; i < rows.length; i += 500) await tx.insert(appointments).values(rows.slice(i, i + 500));
      });
      clinics.push(clinic);
    }
    const sessions = { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 86_400_000 };
    const cookies = await Promise.all(clinics.map(async (clinic) => `frontdesk_session=${(await createSession(db, { userId: clinic.ownerUserId, activeClinicId: clinic.clinicId, userAgent: "bench", ip: null }, new Date(), sessions)).token}`));
    const slotsPath = (clinic: BookableClinic) => `/trpc/public.slots?input=${encodeURIComponent(JSON.stringify({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: isoDate(firstDay), to: isoDate(firstDay + 30 * DAY) }))}`;
    // A receptionist's day: its 60 appointments (a week is the same work seven times over).
    const dayPath = `/trpc/calendar.range?input=${encodeURIComponent(JSON.stringify({ from: isoDate(firstDay), to: isoDate(firstDay) }))}`;
    // Bookings take distinct free times in the month after the one the slots cover (nothing booked there).
    let nextBooking = 0;
    const bookingBody = (clinic: BookableClinic) => {
      const n = nextBooking++;
      const practitionerId = clinic.practitionerIds[n % PRACTITIONERS]!;
      const quarter = Math.floor(n / PRACTITIONERS);
      const start = new Date(firstDay + (31 + Math.floor(quarter / 48)) * DAY + 8 * 3_600_000 + (quarter % 48) * 15 * 60_000).toISOString();
      const key = crypto.randomUUID();
      return JSON.stringify({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, practitionerId, start, patient: { name: "Load Test", email: `load-${key.slice(0, 8)}@example.test` }, idempotencyKey: key });
    };

    progress(`database ready: ${CLINICS} clinics; starting the API as 1 and 2 processes and the floor as 1 and 2`);
    targets.push(await startApi(database.urls.appUrl, 1), await startApi(database.urls.appUrl, 2));
    const sample = await send("GET", `${targets[0]!.bases[0]}${slotsPath(clinics[0]!)}`);
    if (sample.status !== 200) throw new Error(`public.slots answered ${sample.status}`);
    const slotsFile = path.join(tmpdir(), "frontdesk-bench-cluster-slots.json");
    await writeFile(slotsFile, sample.text);
    const floorEnv = await floorSettings(database.urls, clinics[0]!, slotsFile);
    targets.push(await startFloor(floorEnv, 1), await startFloor(floorEnv, 2));
    const postmaster = await postmasterPid(database.urls.appUrl);

    // One client's next request against `target`, by its place in the mix.
    const request = (target: Target, operation: Operation, turn: number) => {
      const base = target.bases[turn % target.bases.length]!;
      const clinicIndex = turn % CLINICS;
      const clinic = clinics[clinicIndex]!;
      if (operation === "slots") return send("GET", `${base}${slotsPath(clinic)}`);
      if (operation === "calendar") return send("GET", `${base}${dayPath}`, undefined, { Cookie: cookies[clinicIndex]! });
      return send("POST", target.kind === "api" ? `${base}/trpc/public.book` : `${base}/book`, target.kind === "api" ? bookingBody(clinic) : "{}", { Origin: PUBLIC_URL });
    };

    for (const target of targets) {
      progress(`warming ${target.label}`);
      await closedLoop(target, WARM_SECONDS, MIX, request);
    }
    const rounds = async (among: Target[], mix: readonly Operation[], count: number) => {
      const readings = new Map<Target, Reading[]>(among.map((t) => [t, []]));
      for (let round = 1; round <= count; round++) {
        for (const target of among) {
          const reading = await measure(target, postmaster, () => closedLoop(target, SECONDS, mix, request));
          readings.get(target)!.push(reading);
          progress(`round ${round}/${count}${mix === MIX ? "" : " (reads)"}, ${target.label}: ${(requestsOf(reading) / reading.seconds).toFixed(0)} requests/s, ${reading.errors} errors`);
        }
      }
      return readings;
    };
    const mixed = await rounds(targets, MIX, ROUNDS);
    const apis = targets.filter((t) => t.kind === "api");
    const reads = await rounds(apis, READS, READ_ROUNDS);
    process.stdout.write(`${[...header(), ...table(targets, mixed), "", `The same clients and reads without the bookings (${READ_ROUNDS} rounds of ${SECONDS} s each):`, "", ...table(apis, reads)].join("\n")}\n`);
  } finally {
    for (const target of targets) await target.stop().catch(() => undefined);
    await close();
    await database.stop();
  }
}

const requestsOf = (reading: Reading) => [...reading.latencies.values()].reduce((n, l) => n + l.length, 0);

/** CLIENTS clients back to back for `seconds`, each walking MIX: latencies by operation and the number of non-2xx answers. */
async function closedLoop(target: Target, seconds: number, mix: readonly Operation[], request: (target: Target, operation: Operation, turn: number) => Promise<{ status: number }>) {
  const latencies = new Map<Operation, number[]>(MIX.map((op) => [op, []]));
  let errors = 0;
  let turn = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let step = client % mix.length; performance.now() < until; step++) {
        const operation = mix[step % mix.length]!;
        const t0 = performance.now();
        const { status } = await request(target, operation, turn++).catch(() => ({ status: 0 }));
        if (status === 200) latencies.get(operation)!.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  return { latencies, errors };
}

/** Runs `work` and reads the CPU the target's processes, PostgreSQL and this load generator used meanwhile. */
async function measure(target: Target, postmaster: number, work: () => Promise<{ latencies: Map<Operation, number[]>; errors: number }>): Promise<Reading> {
  const serverCpu = async () => (await Promise.all(target.pids.map((pid) => cpuSeconds(pid, true)))).reduce((a, b) => a + b, 0);
  const loadCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const misses = async () => (target.kind === "api" ? slotsMisses(target.bases[0]!) : undefined);
  const missedBefore = await misses();
  const before = [await serverCpu(), await cpuSeconds(postmaster, true), loadCpu()];
  const t0 = performance.now();
  const { latencies, errors } = await work();
  const seconds = (performance.now() - t0) / 1000;
  const after = [await serverCpu(), await cpuSeconds(postmaster, true), loadCpu()];
  const missedAfter = await misses();
  const slotsMissed = missedBefore === undefined || missedAfter === undefined ? undefined : missedAfter - missedBefore;
  return { seconds, latencies, errors, serverCpu: after[0]! - before[0]!, postgresCpu: after[1]! - before[1]!, loadCpu: after[2]! - before[2]!, slotsMissed };
}

/** public.slots cache misses so far, over all the API's processes (its /metrics adds them up). */
async function slotsMisses(base: string): Promise<number> {
  const { status, text } = await send("GET", `${base}/metrics`, undefined, { Authorization: `Bearer ${METRICS_TOKEN}` });
  if (status !== 200) throw new Error(`/metrics answered ${status}`);
  return Number(/^frontdesk_cache_lookups_total\{cache="public.slots",result="miss"\} (\d+)/m.exec(text)?.[1] ?? 0);
}

function header(): string[] {
  const cores = cpus().length;
  const [one, five] = loadavg();
  return [
    `Machine: ${cores} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, PostgreSQL 18 (embedded); ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; load average at the end ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min).`,
    `${CLIENTS} clients back to back, mix per client: 6 x public.slots (31 days, ${PRACTITIONERS} practitioners, one of ${CLINICS} clinics), 3 x calendar.range (a day of ${PRACTITIONERS} practitioners), 1 x public.book; ${ROUNDS} rounds of ${SECONDS} s per configuration, taking turns.`,
    "Requests/s: the median round (and the range). Latencies in ms over all rounds. CPU in ms per request; \"machine busy\" is the three CPUs' sum over the wall time of all cores. \"Slots misses\": public.slots requests that found no cached answer (a load was started or joined), all processes, per 100 requests.",
    "",
  ];
}

function table(targets: Target[], readings: Map<Target, Reading[]>): string[] {
  const cores = cpus().length;
  const lines = [
    "| configuration | requests/s | p50 | p99 | slots p50 / p99 | calendar p50 / p99 | book p50 / p99 | server CPU | PostgreSQL CPU | load generator CPU | machine busy | slots misses | errors |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const target of targets) {
    const rounds = readings.get(target)!;
    const rates = rounds.map((r) => requestsOf(r) / r.seconds).sort((a, b) => a - b);
    const all = (op?: Operation) => rounds.flatMap((r) => (op ? r.latencies.get(op)! : [...r.latencies.values()].flat())).sort((a, b) => a - b);
    const total = rounds.reduce((n, r) => n + requestsOf(r), 0);
    const missed = target.kind === "api" ? ((100 * rounds.reduce((n, r) => n + (r.slotsMissed ?? 0), 0)) / total).toFixed(1) : "";
    const wall = rounds.reduce((s, r) => s + r.seconds, 0);
    const cpu = (pick: (r: Reading) => number) => rounds.reduce((s, r) => s + pick(r), 0);
    const pair = (op: Operation) => (all(op).length === 0 ? "" : target.kind === "floor" && op === "calendar" ? `${ms(percentile(all(op), 50))} / ${ms(percentile(all(op), 99))} (free times)` : `${ms(percentile(all(op), 50))} / ${ms(percentile(all(op), 99))}`);
    const busy = (cpu((r) => r.serverCpu) + cpu((r) => r.postgresCpu) + cpu((r) => r.loadCpu)) / (wall * cores);
    lines.push(
      `| ${target.label} | ${rates[Math.floor(rates.length / 2)]!.toFixed(0)} (${rates[0]!.toFixed(0)}-${rates.at(-1)!.toFixed(0)}) | ${ms(percentile(all(), 50))} | ${ms(percentile(all(), 99))} | ${pair("slots")} | ${pair("calendar")} | ${pair("book")} | ${perCpu(cpu((r) => r.serverCpu), total)} | ${perCpu(cpu((r) => r.postgresCpu), total)} | ${perCpu(cpu((r) => r.loadCpu), total)} | ${(100 * busy).toFixed(0)}% | ${missed} | ${rounds.reduce((n, r) => n + r.errors, 0)} |`,
    );
  }
  return lines;
}

const perCpu = (seconds: number, requests: number) => ((seconds * 1000) / requests).toFixed(2);

// ---- processes ----

/** The real server (src/node.ts) as its own process tree, SERVER_PROCESSES=`processes`. */
async function startApi(databaseUrl: string, processes: number): Promise<Target> {
  const server = await startProcess(path.join(import.meta.dirname, "..", "src", "node.ts"), {
    NODE_ENV: "production",
    PORT: "0",
    SERVER_PROCESSES: String(processes),
    DATABASE_URL: databaseUrl,
    PUBLIC_URL,
    LOG_LEVEL: "info",
    RATE_LIMITS: "off",
    MAIL_DIR: path.join(tmpdir(), "frontdesk-bench-mail"),
    // Read for the cache misses (its counters cost the same in both configurations).
    METRICS_TOKEN,
    MASTER_KEY: randomBytes(32).toString("base64"),
  });
  return { label: `API, ${processes} process${processes > 1 ? "es (SERVER_PROCESSES)" : ""}`, kind: "api", processes, bases: [server.url], pids: [server.pid], stop: server.stop };
}

/** `processes` floor servers, each on its own port; the load generator takes them in turn. */
async function startFloor(env: Record<string, string>, processes: number): Promise<Target> {
  const servers = await Promise.all(Array.from({ length: processes }, () => startProcess(path.join(import.meta.dirname, "floor-server.ts"), env)));
  return {
    label: `floor, ${processes} process${processes > 1 ? "es (round-robin)" : ""}`,
    kind: "floor",
    processes,
    bases: servers.map((s) => s.url),
    pids: servers.map((s) => s.pid),
    stop: async () => void (await Promise.all(servers.map((s) => s.stop()))),
  };
}

/** The floor's settings: the slots answer to serve, and what its booking transaction inserts. */
async function floorSettings(urls: { appUrl: string; adminUrl: string }, clinic: BookableClinic, slotsFile: string): Promise<Record<string, string>> {
  const owner = postgres(urls.adminUrl, { max: 1, onnotice: () => undefined });
  await owner`create sequence if not exists bench_slot`;
  await owner`grant usage on sequence bench_slot to frontdesk_app`;
  await owner.end();
  const app = postgres(urls.appUrl, { max: 1 });
  const [patient] = await app.begin(async (tx) => {
    await tx`select set_config('app.clinic_id', ${clinic.clinicId}, true)`;
    return tx`insert into patients (clinic_id, full_name) values (${clinic.clinicId}, 'raw bookings') returning id`;
  });
  await app.end();
  return { DATABASE_URL: urls.appUrl, CLINIC_ID: clinic.clinicId, PRACTITIONER_ID: clinic.practitionerIds[0]!, SERVICE_ID: clinic.serviceId, PATIENT_ID: String(patient!.id), SLOTS_FILE: slotsFile };
}

// ---- HTTP and /proc ----

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One request over the keep-alive pool; resolves with the status and the answer's text. */
function send(method: "GET" | "POST", url: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, agent, headers: body === undefined ? headers : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.once("error", reject);
    });
    request.once("error", reject);
    request.end(body);
  });
}

await main();
