// `pnpm bench:scale` (issue 22): the API under a mixed load of people, on the same clinics empty
// and then with years of history, in one run. Not part of `pnpm test` or `pnpm bench`.
//   1. A throwaway PostgreSQL; the scale clinics without history (scale-dataset.ts).
//   2. The server as its own process; readings (a) and (b) on the empty database.
//   3. The history (appointments, patients, audit, events) added in SQL; the server restarted;
//      readings (a) and (b) again; the plans of the slowest statements, as the app role.
// (a) 100 users at a human pace: each acts, then thinks 1-3 s, open loop (the next action is due
//     whether or not the last one answered). (b) The same mix with more and more users, until p99
//     passes 100 ms: the capacity is the last step's requests per second within it.
// Patients load a clinic's page, a month of slots, and book one time in three; receptionists load
// a day or a week of the calendar, search patients, open an appointment and confirm it, with the
// live feed open for each of them.
// Options: BENCH_SCALE_CLINICS (200), BENCH_SCALE_MONTHS (24 months of past), BENCH_SCALE_SECONDS
// (60, reading a), BENCH_SCALE_STEP_SECONDS (15, reading b), BENCH_PROFILE=1 (server CPU profiles),
// BENCH_SCALE_DATA=<folder> (keep the generated databases there and reuse them on the next run with
// the same dataset: see keptDataset), BENCH_SCALE_PROCESSES (1,2: the server as one process, then
// as two with SERVER_PROCESSES=2, each reading both databases; one column each).
// Besides the latencies, each reading records where the time goes (ADR 0065): the load
// generator's own event-loop delay and CPU (a lagging generator inflates what it measures), the
// server's event-loop delay (its /metrics), every request's time inside the server's handler (its
// log line, matched by request id), each procedure's cost alone (one call at a time: server and
// PostgreSQL CPU, statements and their time), and what the open live feeds cost with no load.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { promisify } from "node:util";
import { hash } from "@node-rs/argon2";
import { availabilityQuery } from "@frontdesk/api";
import { createDb, withTenant } from "@frontdesk/db";
import { freePort, provisionDatabase, startServer as startPostgres, stopServer as stopPostgres, type LocalServer } from "@frontdesk/db/local";
import { sql as drizzleSql } from "drizzle-orm";
import postgres from "postgres";
import { integerListOption, integerOption, textOption } from "./options";
import { addHistory, benchEmail, createClinics, scaleSlug, type ScaleOptions } from "./scale-dataset";
import { cpuSeconds, percentile, postmasterPid, startProcess, type BenchProcess } from "./processes";

const CLINICS = integerOption("BENCH_SCALE_CLINICS", 200);
const PAST_MONTHS = integerOption("BENCH_SCALE_MONTHS", 24);
const PACED_SECONDS = integerOption("BENCH_SCALE_SECONDS", 60);
const STEP_SECONDS = integerOption("BENCH_SCALE_STEP_SECONDS", 15);
const KEEP = textOption("BENCH_SCALE_DATA");
/** Server processes (SERVER_PROCESSES, at most 64) to read each database with, in turn: one column each. */
const PROCESS_COUNTS = integerListOption("BENCH_SCALE_PROCESSES", [1, 2], { max: 64 });
const USERS = 100;
/** Reading (b): users per step, from 10, each step 1.5 times the last, until p99 passes the objective. */
const FIRST_STEP = 10;
const STEP_FACTOR = 1.5;
const MAX_STEPS = 12;
const OBJECTIVE_MS = 100;
const RECEPTIONIST_SHARE = 0.4;
/** Calls of each procedure, one at a time, for its cost alone. */
const SOLO_CALLS = 30;
/** How long the open live feeds are watched with no other load. */
const FEED_SECONDS = 10;
/** The event-loop monitors' resolution: a delay of this much is no delay (both monitors count it in). */
const LOOP_RESOLUTION_MS = 10;
const PASSWORD = "frontdesk-bench";
const PUBLIC_URL = "http://localhost:3999";
const METRICS_TOKEN = randomBytes(24).toString("hex");

const started = performance.now();
const progress = (step: string) => process.stderr.write(`[bench:scale ${((performance.now() - started) / 1000).toFixed(0)}s] ${step}\n`);
/** The run's phases and how long each took, for the table (the dataset's steps are logged by it). */
const phases: string[] = [];
const loads: number[] = [];
const sampleLoad = () => loads.push(loadavg()[0]!);
async function phase<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  sampleLoad();
  const result = await work();
  sampleLoad();
  phases.push(`${label} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  progress(`${label}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return result;
}
/** The dataset's own step times ("…: 12.3 s"), kept for the table as well as printed. */
const datasetSteps: string[] = [];
const datasetLog = (step: string) => {
  if (/^\S.*: \d+\.\d s$/.test(step)) datasetSteps.push(step);
  progress(step);
};

/** One answered request: which procedure, how long the load generator waited, and its request id (to find it in the server's log). */
interface Sample {
  name: string;
  ms: number;
  id: string;
}

interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

interface Reading {
  label: string;
  users: number;
  seconds: number;
  latencies: Map<string, number[]>;
  samples: Sample[];
  errors: Map<string, number>;
  requests: number;
  serverMs: number;
  postgresMs: number;
  /** The load generator: CPU per request and its own event-loop delay during the reading. */
  generatorMs: number;
  generatorLoop: LoopDelay;
  /** The server's event-loop delay during the reading (prom-client's monitor, read from /metrics). */
  serverLoop: LoopDelay | undefined;
  /** The server's log line of each request, by request id. */
  handlerMs: Map<string, Handled>;
}

interface Sizes {
  appointments: number;
  patients: number;
  audit: number;
  events: number;
  bytes: string;
}

/** What a kept dataset (BENCH_SCALE_DATA) remembers of its generation, for the table of a later run. */
interface KeptDataset {
  fingerprint: string;
  generatedAt: string;
  now: string;
  sizes: Sizes;
  loadSeconds: number;
  phases: string[];
  datasetSteps: string[];
}

/** The settings of the bench's PostgreSQL, the same on every start of a kept data folder. */
const POSTGRES_SETTINGS = {
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  max_connections: "200",
  shared_preload_libraries: "pg_stat_statements",
  "pg_stat_statements.track": "top",
  shared_buffers: "512MB",
  // Loading about 16 million rows: checkpoints by time, not every gigabyte of WAL, and index
  // builds on new files written without WAL (a throwaway server: no replica, fsync already off).
  max_wal_size: "32GB",
  checkpoint_timeout: "1h",
  wal_level: "minimal",
  max_wal_senders: "0",
};

interface Database {
  appUrl: string;
  superUrl: string;
  su: postgres.Sql;
  postmaster: number;
  /** Signed-in receptionists of this database (sessions outlive a server restart, not a database). */
  sessions: Array<{ cookie: string }>;
  stop: () => Promise<void>;
}

/** PostgreSQL on `dataDir` (created the first time), migrated to this branch's schema. */
async function openDatabase(dataDir: string): Promise<Database> {
  const server: LocalServer = { dataDir, port: await freePort(), password: "frontdesk-bench" };
  await startPostgres(server, POSTGRES_SETTINGS);
  // Idempotent: on a kept folder it applies only migrations newer than the dataset.
  const urls = await provisionDatabase(server);
  const superUrl = urls.superUrl.replace(/\/[^/]*$/, new URL(urls.adminUrl).pathname);
  const su = postgres(superUrl, { max: 1, onnotice: () => undefined });
  await su`create extension if not exists pg_stat_statements`;
  return {
    appUrl: urls.appUrl,
    superUrl,
    su,
    postmaster: await postmasterPid(urls.appUrl),
    sessions: [],
    stop: async () => {
      await su.end();
      await stopPostgres(server);
    },
  };
}

/**
 * A dataset kept by an earlier run in BENCH_SCALE_DATA, when it was generated by the same
 * scale-dataset.ts with the same options on the same day (the window the load reads is counted
 * from today): then this run starts PostgreSQL on it and goes straight to the readings.
 */
async function keptDataset(root: string, fingerprint: string): Promise<KeptDataset | undefined> {
  const kept = await readFile(path.join(root, "dataset.json"), "utf8")
    .then((text) => JSON.parse(text) as KeptDataset)
    .catch(() => undefined);
  if (!kept) return undefined;
  if (kept.fingerprint === fingerprint) return kept;
  progress(`the dataset kept in ${root} was generated by another scale-dataset.ts, with other options or on another day: generating it again`);
  return undefined;
}

/** The bookings made by a run's load (their patients are `load-…@example.test`): gone, so every reading starts from the same appointments. */
const clearLoadBookings = (su: postgres.Sql) => su`delete from appointments where patient_id in (select id from patients where email like 'load-%@example.test')`;

async function main() {
  const root = KEEP ? path.resolve(KEEP) : await mkdtemp(path.join(tmpdir(), "frontdesk-scale-"));
  // Every folder on the way to a data folder must be traversable by the `postgres` OS user.
  await mkdir(path.join(root, "empty"), { recursive: true });
  await mkdir(path.join(root, "scale"), { recursive: true });
  for (const folder of [root, path.join(root, "empty"), path.join(root, "scale")]) await chmod(folder, 0o755);
  const emptyDir = path.join(root, "empty", "pgdata");
  const scaleDir = path.join(root, "scale", "pgdata");
  const shape = { clinics: CLINICS, pastMonths: PAST_MONTHS, futureMonths: 3, patientsLargest: 20_000, patientsEach: 4_925, windowDays: 35 };
  const fingerprint = createHash("sha256")
    .update(await readFile(path.join(import.meta.dirname, "scale-dataset.ts"), "utf8"))
    .update(JSON.stringify({ ...shape, day: localDate(new Date()) }))
    .digest("hex")
    .slice(0, 16);
  const kept = KEEP ? await keptDataset(root, fingerprint) : undefined;
  if (!kept) {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(scaleDir, { recursive: true, force: true });
    await rm(path.join(root, "dataset.json"), { force: true });
  }
  const options: ScaleOptions = {
    ...shape,
    now: kept ? new Date(kept.now) : new Date(),
    passwordHash: await hash(PASSWORD),
    // The load reads up to 31 days ahead (slots, bookings) and this week (calendars): the empty
    // layer holds that window, so that the at-scale reading differs by history alone (ADR 0056).
  };
  const interval = setInterval(sampleLoad, 30_000);
  const open: { database?: Database } = {};
  try {
    open.database = await openDatabase(emptyDir);
    if (kept) progress(`reusing the dataset kept in ${root} (generated ${kept.generatedAt})`);
    else await phase("clinics without history", () => createClinics(open.database!.superUrl, postgres, options, datasetLog));
    await clearLoadBookings(open.database.su);
    const world = await loadWorld(open.database.su);
    const columnLabel = (database: string, processes: number) => (PROCESS_COUNTS.length > 1 || processes !== 1 ? `${database}, ${processes} process${processes > 1 ? "es" : ""}` : database);
    const emptyColumns: Column[] = [];
    for (const [i, processes] of PROCESS_COUNTS.entries()) {
      const label = columnLabel("empty", processes);
      emptyColumns.push(await phase(`readings ${label}`, () => readings(label, open.database!, world, processes, i === 0)));
    }
    // The empty layer is left as it was generated (for the at-scale copy, and a later run).
    await clearLoadBookings(open.database.su);
    await open.database.stop();
    open.database = undefined;

    let sizes: Sizes;
    let loadSeconds: number;
    if (kept) {
      open.database = await openDatabase(scaleDir);
      await clearLoadBookings(open.database.su);
      ({ sizes, loadSeconds } = kept);
    } else {
      await phase("copy of the clinics without history", () => promisify(execFile)("cp", ["-a", emptyDir, scaleDir]));
      open.database = await openDatabase(scaleDir);
      progress("adding the history");
      const loadStarted = performance.now();
      await phase("history", () => addHistory(open.database!.superUrl, postgres, options, datasetLog));
      loadSeconds = (performance.now() - loadStarted) / 1000;
      const [counted] = await open.database.su<Sizes[]>`
        select (select count(*) from appointments)::int as appointments, (select count(*) from patients)::int as patients,
               (select count(*) from audit_log)::int as audit, (select count(*) from appointment_events)::int as events,
               pg_size_pretty(pg_database_size(current_database())) as bytes`;
      sizes = counted!;
      progress(`history in ${loadSeconds.toFixed(0)} s: ${JSON.stringify(sizes)}`);
      if (KEEP) {
        const record: KeptDataset = { fingerprint, generatedAt: new Date().toISOString(), now: options.now.toISOString(), sizes, loadSeconds, phases: [...phases], datasetSteps: [...datasetSteps] };
        await writeFile(path.join(root, "dataset.json"), `${JSON.stringify(record, null, 2)}\n`);
      }
    }
    const scaleColumns: Column[] = [];
    let plans: string[] = [];
    for (const [i, processes] of PROCESS_COUNTS.entries()) {
      const label = columnLabel("at scale", processes);
      scaleColumns.push(await phase(`readings ${label}`, () => readings(label, open.database!, world, processes, i === 0)));
      // The statements of the first configuration's readings at scale.
      if (i === 0) plans = await phase("plans", () => slowestPlans(open.database!.su, open.database!.appUrl, world).catch((error: unknown) => [`(no plans: ${String(error)})`]));
    }
    await clearLoadBookings(open.database.su);
    clearInterval(interval);
    sampleLoad();

    // Empty and at scale side by side, per configuration.
    const columns = PROCESS_COUNTS.flatMap((_, i) => [emptyColumns[i]!, scaleColumns[i]!]);
    const lines = [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, PostgreSQL 18 (embedded, fsync off, shared_buffers 512MB); ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      `Load average (1 min) during the run: ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)}, mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2)} (${loads.length} samples).`,
      `Dataset: ${CLINICS} clinics x 5 practitioners; at scale ${sizes.appointments} appointments (${PAST_MONTHS} months past, 3 ahead), ${sizes.patients} patients (${scaleSlug(1)}: 20000), ${sizes.audit} audit rows, ${sizes.events} history events, ${sizes.bytes}; history generated in ${loadSeconds.toFixed(0)} s${kept ? ` (kept in BENCH_SCALE_DATA, generated ${kept.generatedAt.slice(0, 16).replace("T", " ")} UTC)` : ""}.`,
      ...(kept ? [`Phases of the generating run: ${kept.phases.join("; ")}.`, `Dataset steps of the generating run: ${kept.datasetSteps.join("; ")}.`] : []),
      `Phases: ${phases.join("; ")}.`,
      ...(kept ? [] : [`Dataset steps: ${datasetSteps.join("; ")}.`]),
      `Total run: ${((performance.now() - started) / 60_000).toFixed(1)} min.`,
      "",
      ...section(() => table(columns.map((c) => c.paced))),
      "",
      ...section(() => whereTimeGoes(columns.map((c) => c.paced))),
      "",
      ...section(() => soloTable(columns.filter((c) => c.solo).map((c) => ({ label: c.paced.label, solo: c.solo! })))),
      "",
      ...columns.map((c) => `Live feeds alone (${c.paced.label}): ${c.feeds.feeds} open for ${FEED_SECONDS} s with no other load: server ${c.feeds.serverMsPerSecond.toFixed(1)} ms CPU/s, PostgreSQL ${c.feeds.postgresMsPerSecond.toFixed(1)} ms CPU/s, ${c.feeds.statementsPerSecond.toFixed(1)} statements/s.`),
      "",
      ...section(() => capacityTable(columns.map((c) => ({ label: c.paced.label, steps: c.steps })))),
      "",
      "Slowest statements at scale (pg_stat_statements, mean ms; plans as frontdesk_app with row-level security, generic plan):",
      ...plans,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    clearInterval(interval);
    await open.database?.stop().catch(() => undefined);
    if (!KEEP) await rm(root, { recursive: true, force: true });
  }
}

/** One part of the report: a mistake in formatting it says so in its place instead of losing the run's other tables. */
function section(lines: () => string[]): string[] {
  try {
    return lines();
  } catch (error) {
    return [`(this table failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)})`];
  }
}

interface World {
  clinics: Array<{ slug: string; serviceIds: string[]; email: string }>;
}

async function loadWorld(su: postgres.Sql): Promise<World> {
  const rows = await su<Array<{ slug: string; serviceIds: string[] }>>`
    select c.slug, array_agg(s.id::text order by s.name) as "serviceIds" from clinics c join services s on s.clinic_id = c.id
     where c.slug like 'scale-%' group by c.slug order by c.slug`;
  return { clinics: rows.map((r) => ({ ...r, email: benchEmail(r.slug) })) };
}

type Column = Awaited<ReturnType<typeof readings>>;

/** Reading (a) at 100 users, then (b) stepped up until p99 passes the objective; before them each procedure alone and the feeds alone. */
async function readings(label: string, database: Database, world: World, processes: number, withSolo: boolean) {
  const api = await startServer(database.appUrl, processes);
  try {
    progress(`${label}: warming up`);
    await runLoad(`${label} warm-up`, api, database, world, USERS, 10);
    // A call's cost alone does not depend on how many processes there are: measured once per database.
    const solo = withSolo ? await soloCosts(api, database, world) : undefined;
    const feeds = await feedCost(api, database, world, Math.round(USERS * RECEPTIONIST_SHARE));
    await database.su`select pg_stat_statements_reset()`;
    progress(`${label}: reading (a), ${USERS} users for ${PACED_SECONDS} s`);
    const paced = await runLoad(label, api, database, world, USERS, PACED_SECONDS);
    progress(`${label}: reading (a): ${(paced.requests / paced.seconds).toFixed(0)} requests/s, p99 ${percentile(allLatencies(paced), 99).toFixed(1)} ms; generator loop delay p99 ${paced.generatorLoop.p99.toFixed(1)} ms, server ${paced.serverLoop?.p99.toFixed(1) ?? "?"} ms`);
    const steps: Reading[] = [];
    for (let users = FIRST_STEP, step = 0; step < MAX_STEPS; step++, users = Math.round(users * STEP_FACTOR)) {
      const reading = await runLoad(label, api, database, world, users, STEP_SECONDS);
      const p99 = percentile(allLatencies(reading), 99);
      progress(`${label}: reading (b), ${users} users: ${(reading.requests / reading.seconds).toFixed(0)} requests/s, p99 ${p99.toFixed(1)} ms`);
      steps.push(reading);
      if (p99 > OBJECTIVE_MS) break;
    }
    return { paced, steps, solo, feeds };
  } finally {
    await api.stop();
  }
}

const allLatencies = (r: Reading) => [...r.latencies.values()].flat().sort((a, b) => a - b);
const ascending = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

/** The server's event-loop delay since the last scrape (prom-client resets its monitor on every scrape), beyond the monitor's resolution. */
async function serverLoopDelay(api: ServerProcess): Promise<LoopDelay | undefined> {
  const answer = await send("GET", `${api.url}/metrics`, undefined, { Authorization: `Bearer ${METRICS_TOKEN}` }).catch(() => undefined);
  if (answer?.status !== 200) return undefined;
  const value = (name: string) => Number(new RegExp(`^frontdesk_process_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, "m").exec(answer.text)?.[1] ?? NaN) * 1000;
  return { p50: Math.max(0, value("p50") - LOOP_RESOLUTION_MS), p99: Math.max(0, value("p99") - LOOP_RESOLUTION_MS), max: Math.max(0, value("max") - LOOP_RESOLUTION_MS) };
}

/** PostgreSQL's statements so far (pg_stat_statements): how many, and their execution time in ms. */
async function statementTotals(su: postgres.Sql) {
  const [row] = await su<Array<{ calls: number; ms: number }>>`select coalesce(sum(calls), 0)::float8 as calls, coalesce(sum(total_exec_time), 0)::float8 as ms from pg_stat_statements`;
  return row!;
}

/** `users` people acting for `seconds`; latencies per procedure, CPU per request, and where the time went. */
async function runLoad(label: string, api: ServerProcess, database: Database, world: World, users: number, seconds: number): Promise<Reading> {
  const reading: Reading = {
    label,
    users,
    seconds,
    latencies: new Map(),
    samples: [],
    errors: new Map(),
    requests: 0,
    serverMs: 0,
    postgresMs: 0,
    generatorMs: 0,
    generatorLoop: { p50: 0, p99: 0, max: 0 },
    serverLoop: undefined,
    handlerMs: new Map(),
  };
  const receptionists = Math.round(users * RECEPTIONIST_SHARE);
  const staff = await staffSessions(api.url, world, receptionists, database.sessions);
  // Every reception screen has its feed open before the clock starts: the steady state, not
  // forty screens connecting in the same second as the users start.
  const feeds = await Promise.all(staff.map((s) => openFeed(api.url, s.cookie)));
  const call: Call = async (name, work) => {
    const t0 = performance.now();
    const answer = await work().catch((error: unknown) => ({ status: 0, text: String(error), id: "" }));
    reading.requests++;
    if (answer.status !== 200) {
      reading.errors.set(name, (reading.errors.get(name) ?? 0) + 1);
      if ((reading.errors.get(name) ?? 0) <= 2) progress(`${name} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      return undefined;
    }
    const ms = performance.now() - t0;
    const list = reading.latencies.get(name) ?? [];
    list.push(ms);
    reading.latencies.set(name, list);
    reading.samples.push({ name, ms, id: answer.id });
    return answer.text;
  };
  await serverLoopDelay(api);
  api.handlerTimes.clear();
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const generator0 = process.cpuUsage();
  const cpu0 = [await cpuSeconds(api.pid, true), await cpuSeconds(database.postmaster, true)] as const;
  const end = performance.now() + seconds * 1000;
  const inFlight = new Set<Promise<unknown>>();
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      const person = user < receptionists ? receptionistActions(api.url, staff[user]!, call) : patientActions(api.url, world.clinics[(user * 7) % world.clinics.length]!, call);
      // Users start spread over the first think time, then act every 1-3 s whatever the answers.
      let due = performance.now() + Math.random() * 2000;
      while (due < end) {
        await sleep(due - performance.now());
        const action = person().catch(() => undefined);
        inFlight.add(action);
        void action.finally(() => inFlight.delete(action));
        due += 1000 + Math.random() * 2000;
      }
    }),
  );
  await Promise.all(inFlight);
  const cpu1 = [await cpuSeconds(api.pid, true), await cpuSeconds(database.postmaster, true)] as const;
  const generator = process.cpuUsage(generator0);
  loop.disable();
  reading.serverLoop = await serverLoopDelay(api);
  for (const feed of feeds) feed.close();
  reading.serverMs = ((cpu1[0] - cpu0[0]) * 1000) / reading.requests;
  reading.postgresMs = ((cpu1[1] - cpu0[1]) * 1000) / reading.requests;
  reading.generatorMs = (generator.user + generator.system) / 1000 / reading.requests;
  const delay = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  reading.generatorLoop = { p50: delay(loop.percentile(50)), p99: delay(loop.percentile(99)), max: delay(loop.max) };
  // The last log lines may still be in the pipe.
  await sleep(300);
  reading.handlerMs = new Map(api.handlerTimes);
  return reading;
}

interface SoloCost {
  name: string;
  calls: number;
  latencyP50: number;
  handlerP50: number;
  transactions: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  statementMs: number;
  statements: number;
}

/**
 * Each procedure alone: SOLO_CALLS calls one after the other, one clinic (the largest), nothing
 * else running; per call, the server's and PostgreSQL's CPU, and pg_stat_statements' statements
 * and their execution time. What a call costs before any queue.
 */
async function soloCosts(api: ServerProcess, database: Database, world: World): Promise<SoloCost[]> {
  const base = api.url;
  const [staff] = await staffSessions(base, world, 1, database.sessions);
  const cookie = staff!.cookie;
  const clinic = world.clinics[0]!;
  const today = new Date();
  const day = { from: localDate(today), to: localDate(today) };
  const week = { from: localDate(today), to: localDate(addDays(today, 6)) };
  const slotsInput = (i: number) => ({ clinicSlug: clinic.slug, serviceId: clinic.serviceIds[i % clinic.serviceIds.length]!, from: localDate(addDays(today, 1)), to: localDate(addDays(today, 31)) });
  // Prepared before the clock: times to book (an hour apart, so none takes another's) and booked appointments to confirm.
  const slots = JSON.parse((await get(base, "public.slots", slotsInput(0))).text) as { result: { data: { days: Array<{ starts: string[] }> } } };
  const starts: string[] = [];
  for (const d of slots.result.data.days) {
    let last = -Infinity;
    for (const start of d.starts) {
      if (Date.parse(start) - last < 3_600_000) continue;
      last = Date.parse(start);
      starts.push(start);
    }
  }
  const ahead = await get(base, "calendar.range", { from: localDate(addDays(today, 1)), to: localDate(addDays(today, 7)) }, cookie);
  const ids = [...ahead.text.matchAll(/"id":"([0-9a-f-]{36})","practitionerId"/g)].map((m) => m[1]!);
  const toConfirm: Array<{ id: string; version: number }> = [];
  for (const id of ids) {
    if (toConfirm.length === SOLO_CALLS) break;
    const text = (await get(base, "appointments.get", { id }, cookie)).text;
    const version = /"version":(\d+)/.exec(text)?.[1];
    if (version && /"status":"booked"/.test(text)) toConfirm.push({ id, version: Number(version) });
  }
  const fragments = ["mart", "dupre", "lea", "06 12", "müll", "jean", "garc", "tanaka"];
  const probes: Array<[string, (i: number) => Promise<Answer>]> = [
    ["public.clinic", () => get(base, "public.clinic", { clinicSlug: clinic.slug })],
    ["public.slots (31 days)", (i) => get(base, "public.slots", slotsInput(i))],
    [
      "public.book",
      (i) =>
        mutate(base, "public.book", { clinicSlug: clinic.slug, serviceId: clinic.serviceIds[0]!, start: starts[i % starts.length]!, patient: { name: "Load Patient", email: `load-${crypto.randomUUID()}@example.test` }, idempotencyKey: crypto.randomUUID() }),
    ],
    ["calendar.range (day)", () => get(base, "calendar.range", day, cookie)],
    ["calendar.range (week)", () => get(base, "calendar.range", week, cookie)],
    ["patients.search", (i) => get(base, "patients.search", { query: fragments[i % fragments.length] }, cookie)],
    ["appointments.get", (i) => get(base, "appointments.get", { id: ids[i % ids.length]! }, cookie)],
    ["appointments.setStatus", (i) => (toConfirm[i] ? mutate(base, "appointments.setStatus", { ...toConfirm[i], status: "confirmed" }, cookie) : Promise.resolve({ status: 0, text: "nothing to confirm", id: "", cookies: [] }))],
  ];
  const costs: SoloCost[] = [];
  for (const [name, probe] of probes) {
    api.handlerTimes.clear();
    const latencies: number[] = [];
    const answered: string[] = [];
    const statements0 = await statementTotals(database.su);
    const cpu0 = [await cpuSeconds(api.pid, true), await cpuSeconds(database.postmaster, true)] as const;
    for (let i = 0; i < SOLO_CALLS; i++) {
      const t0 = performance.now();
      const answer = await probe(i);
      latencies.push(performance.now() - t0);
      // "Just taken" is an answer too (a booking), as in the readings.
      if (answer.status === 200 || answer.status === 409) answered.push(answer.id);
    }
    const cpu1 = [await cpuSeconds(api.pid, true), await cpuSeconds(database.postmaster, true)] as const;
    const statements1 = await statementTotals(database.su);
    await sleep(200);
    const calls = latencies.length;
    costs.push({
      name: answered.length === calls ? name : `${name} (${calls - answered.length} errors)`,
      calls,
      latencyP50: percentile(ascending(latencies), 50),
      handlerP50: percentile(ascending(answered.flatMap((id) => api.handlerTimes.get(id)?.ms ?? [])), 50),
      transactions: answered.reduce((sum, id) => sum + (api.handlerTimes.get(id)?.transactions ?? 0), 0) / Math.max(1, answered.length),
      serverCpuMs: ((cpu1[0] - cpu0[0]) * 1000) / calls,
      postgresCpuMs: ((cpu1[1] - cpu0[1]) * 1000) / calls,
      // The totals' own query counts once.
      statements: (statements1.calls - statements0.calls - 1) / calls,
      statementMs: (statements1.ms - statements0.ms) / calls,
    });
  }
  return costs;
}

/** `count` receptionists' live feeds open for FEED_SECONDS with nothing else running: what the feeds cost by themselves. */
async function feedCost(api: ServerProcess, database: Database, world: World, count: number) {
  const staff = await staffSessions(api.url, world, count, database.sessions);
  const feeds = await Promise.all(staff.map((s) => openFeed(api.url, s.cookie)));
  await sleep(1000);
  const statements0 = await statementTotals(database.su);
  const cpu0 = [await cpuSeconds(api.pid, true), await cpuSeconds(database.postmaster, true)] as const;
  await sleep(FEED_SECONDS * 1000);
  const cpu1 = [await cpuSeconds(api.pid, true), await cpuSeconds(database.postmaster, true)] as const;
  const statements1 = await statementTotals(database.su);
  for (const feed of feeds) feed.close();
  return {
    feeds: count,
    serverMsPerSecond: ((cpu1[0] - cpu0[0]) * 1000) / FEED_SECONDS,
    postgresMsPerSecond: ((cpu1[1] - cpu0[1]) * 1000) / FEED_SECONDS,
    statementsPerSecond: (statements1.calls - statements0.calls - 1) / FEED_SECONDS,
  };
}

/** An answer as the load generator saw it; `id` is the request id it sent (found again in the server's log). */
interface Answer {
  status: number;
  text: string;
  id: string;
  cookies: string[];
}
type Call = (name: string, work: () => Promise<{ status: number; text: string; id: string }>) => Promise<string | undefined>;

const localDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const get = (base: string, procedure: string, input: unknown, cookie?: string) =>
  send("GET", `${base}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, undefined, cookie ? { Cookie: cookie } : {});
const mutate = (base: string, procedure: string, input: unknown, cookie?: string) =>
  send("POST", `${base}/trpc/${procedure}`, JSON.stringify(input), { Origin: PUBLIC_URL, ...(cookie ? { Cookie: cookie } : {}) });

/** A patient: the clinic's page, a month of slots for one service, and one time in three a booking. */
function patientActions(base: string, clinic: World["clinics"][number], call: Call) {
  let step = 0;
  return async () => {
    step++;
    if (step % 3 === 1) return call("public.clinic", () => get(base, "public.clinic", { clinicSlug: clinic.slug }));
    const serviceId = clinic.serviceIds[step % clinic.serviceIds.length]!;
    const today = new Date();
    const text = await call("public.slots (31 days)", () => get(base, "public.slots", { clinicSlug: clinic.slug, serviceId, from: localDate(addDays(today, 1)), to: localDate(addDays(today, 31)) }));
    if (step % 3 !== 0 || !text) return;
    const days = (JSON.parse(text) as { result: { data: { days: Array<{ starts: string[] }> } } }).result.data.days.filter((d) => d.starts.length > 0);
    const day = days[Math.floor(Math.random() * days.length)];
    const start = day?.starts[Math.floor(Math.random() * day.starts.length)];
    if (!start) return;
    const input = { clinicSlug: clinic.slug, serviceId, start, patient: { name: "Load Patient", email: `load-${crypto.randomUUID()}@example.test` }, idempotencyKey: crypto.randomUUID() };
    // Two people may want the same time: "just taken" is an answer, not an error.
    await call("public.book", async () => {
      const answer = await mutate(base, "public.book", input);
      return answer.status === 409 ? { ...answer, status: 200 } : answer;
    });
  };
}

/** A receptionist: day and week calendars, patient search, and opening then confirming an appointment. */
function receptionistActions(base: string, staff: { cookie: string }, call: Call) {
  let step = 0;
  let opened: string[] = [];
  const fragments = ["mart", "dupre", "lea", "06 12", "müll", "jean", "garc", "tanaka"];
  return async () => {
    step++;
    const today = new Date();
    switch (step % 5) {
      case 1: {
        const text = await call("calendar.range (day)", () => get(base, "calendar.range", { from: localDate(today), to: localDate(today) }, staff.cookie));
        if (text) opened = [...text.matchAll(/"id":"([0-9a-f-]{36})","practitionerId"/g)].map((m) => m[1]!);
        return;
      }
      case 2:
        return call("calendar.range (week)", () => get(base, "calendar.range", { from: localDate(today), to: localDate(addDays(today, 6)) }, staff.cookie));
      case 3:
        return call("patients.search", () => get(base, "patients.search", { query: fragments[step % fragments.length] }, staff.cookie));
      case 4: {
        const id = opened[Math.floor(Math.random() * opened.length)];
        if (!id) return;
        const text = await call("appointments.get", () => get(base, "appointments.get", { id }, staff.cookie));
        const found = text ? /"version":(\d+)/.exec(text) : null;
        const status = text ? /"status":"(\w+)"/.exec(text)?.[1] : undefined;
        if (!found || status !== "booked") return;
        // Someone else may have confirmed it meanwhile: a version conflict is an answer.
        await call("appointments.setStatus", async () => {
          const answer = await mutate(base, "appointments.setStatus", { id, version: Number(found[1]), status: "confirmed" }, staff.cookie);
          return answer.status === 409 ? { ...answer, status: 200 } : answer;
        });
        return;
      }
      default:
        return call("calendar.range (day)", () => get(base, "calendar.range", { from: localDate(addDays(today, 1)), to: localDate(addDays(today, 1)) }, staff.cookie));
    }
  };
}

/** Signed-in receptionists, one per clinic in turn; made once per database, one after the other, and kept (sessions outlive a restart). */
async function staffSessions(base: string, world: World, count: number, sessions: Database["sessions"]) {
  while (sessions.length < count) {
    const clinic = world.clinics[sessions.length % world.clinics.length]!;
    for (let attempt = 1; ; attempt++) {
      const answer = await send("POST", `${base}/trpc/auth.signIn`, JSON.stringify({ email: clinic.email, password: PASSWORD }), { Origin: PUBLIC_URL });
      const cookie = answer.cookies.map((c) => c.split(";")[0]).join("; ");
      if (answer.status === 200 && cookie) {
        sessions.push({ cookie });
        break;
      }
      if (attempt === 5) throw new Error(`sign-in answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      await sleep(500);
    }
  }
  return sessions.slice(0, count);
}

/** The live calendar feed, kept open and drained as the reception screen would; resolves once it answers. */
function openFeed(base: string, cookie: string): Promise<{ close: () => void }> {
  return new Promise((resolve) => {
    const request = httpRequest(`${base}/trpc/calendar.changes?input=${encodeURIComponent("{}")}`, { headers: { Cookie: cookie, Accept: "text/event-stream" } }, (response: IncomingMessage) => {
      response.on("data", () => undefined);
      response.on("error", () => undefined);
      resolve({ close: () => request.destroy() });
    });
    request.on("error", () => resolve({ close: () => request.destroy() }));
    request.end();
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 2000 });

let requests = 0;

/** One request, with a request id of its own (the server logs it with the request's time in its handler). */
function send(method: string, url: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
  const id = `bench.${process.pid}.${++requests}`;
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method, agent, headers: { "X-Request-Id": id, ...(body ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } : {}), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.once("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), id, cookies: response.headers["set-cookie"] ?? [] }));
        response.once("error", reject);
      },
    );
    request.once("error", reject);
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The table of reading (a): p50 / p95 / p99 per procedure, one column per reading. */
function table(columns: Reading[]): string[] {
  const names = [...new Set(columns.flatMap((c) => [...c.latencies.keys()]))].sort();
  const cell = (r: Reading, name: string) => {
    const sorted = ascending(r.latencies.get(name) ?? []);
    return `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 95).toFixed(1)} / ${percentile(sorted, 99).toFixed(1)} (${sorted.length}${r.errors.get(name) ? `, ${r.errors.get(name)} errors` : ""})`;
  };
  const total = (r: Reading) => `${r.requests} requests, ${(r.requests / r.seconds).toFixed(0)}/s, ${[...r.errors.values()].reduce((a, b) => a + b, 0)} errors; p99 ${percentile(allLatencies(r), 99).toFixed(1)} ms`;
  return [
    `Reading (a): ${USERS} users (${Math.round(USERS * RECEPTIONIST_SHARE)} receptionists with the live feed open, ${USERS - Math.round(USERS * RECEPTIONIST_SHARE)} patients), 1-3 s think time, open loop, ${PACED_SECONDS} s. p50 / p95 / p99 in ms (answers):`,
    "",
    `| procedure | ${columns.map((c) => c.label).join(" | ")} |`,
    `|---|${columns.map(() => "---|").join("")}`,
    ...names.map((name) => `| ${name} | ${columns.map((c) => cell(c, name)).join(" | ")} |`),
    `| all | ${columns.map(total).join(" | ")} |`,
    `| CPU per request | ${columns.map((r) => `server ${r.serverMs.toFixed(2)} ms, PostgreSQL ${r.postgresMs.toFixed(2)} ms`).join(" | ")} |`,
  ];
}

/**
 * Where reading (a)'s time went: per procedure, the p50 / p99 the load generator measured against
 * the p50 / p99 of the same requests' time inside the server's handler (its log line), and the p99
 * of the difference (waiting before the handler ran: the server's event loop and socket, or the
 * generator's own loop). Then both processes' event-loop delay and the generator's CPU.
 */
function whereTimeGoes(columns: Reading[]): string[] {
  const names = [...new Set(columns.flatMap((c) => [...c.latencies.keys()]))].sort();
  const cell = (r: Reading, name?: string): string => {
    const samples = r.samples.filter((s) => (name === undefined || s.name === name) && r.handlerMs.has(s.id));
    const handled = samples.map((s) => r.handlerMs.get(s.id)!);
    const pair = (values: number[]) => {
      const sorted = ascending(values);
      return `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 99).toFixed(1)}`;
    };
    return [
      pair(samples.map((s) => s.ms)),
      pair(handled.map((h) => h.ms)),
      pair(handled.map((h) => h.waitMs)),
      pair(handled.map((h) => h.heldMs)),
      (handled.reduce((sum, h) => sum + h.transactions, 0) / Math.max(1, handled.length)).toFixed(1),
      percentile(ascending(samples.map((s) => s.ms - r.handlerMs.get(s.id)!.ms)), 99).toFixed(1),
    ].join(" | ");
  };
  const loop = (l: LoopDelay | undefined) => (l ? `p50 ${l.p50.toFixed(1)} / p99 ${l.p99.toFixed(1)} / max ${l.max.toFixed(1)} ms` : "not read");
  return [
    "Where reading (a)'s time went, in ms (p50 / p99): as the load generator measured it; inside the server's handler (its log line for the same requests); of that, waiting at the overload gate for a pooled connection, and holding one (the transactions' statements, and the event-loop turns between them); transactions per request; and the p99 of measured minus handler (before the handler ran or after it answered: the server's event loop and socket, the load generator's loop):",
    "",
    ...columns.flatMap((c) => [
      `${c.label}:`,
      "",
      "| procedure | measured | handler | gate wait | connection held | transactions | outside, p99 |",
      "|---|---|---|---|---|---|---|",
      ...names.map((name) => `| ${name} | ${cell(c, name)} |`),
      `| all | ${cell(c)} |`,
      "",
    ]),
    ...columns.map(
      (c) =>
        `Event-loop delay during reading (a), ${c.label}: server ${loop(c.serverLoop)}; load generator ${loop(c.generatorLoop)}, its CPU ${c.generatorMs.toFixed(2)} ms per request (server ${c.serverMs.toFixed(2)}, PostgreSQL ${c.postgresMs.toFixed(2)}).`,
    ),
  ];
}

/** Each procedure alone (soloCosts), one column group per database. */
function soloTable(columns: Array<{ label: string; solo: SoloCost[] }>): string[] {
  if (columns.length === 0) return [];
  const names = columns[0]!.solo.map((c) => c.name);
  const cell = (costs: SoloCost[], index: number) => {
    const c = costs[index];
    return c ? `${c.latencyP50.toFixed(1)} | ${c.handlerP50.toFixed(1)} | ${c.serverCpuMs.toFixed(2)} | ${c.postgresCpuMs.toFixed(2)} | ${c.transactions.toFixed(1)} / ${c.statements.toFixed(1)} / ${c.statementMs.toFixed(2)}` : " | | | | ";
  };
  return [
    `Each procedure alone (${SOLO_CALLS} calls one after the other, the largest clinic, no other load, after the warm-up): p50 as measured and in the handler (ms), server and PostgreSQL CPU per call (ms), transactions / statements per call / the statements' execution time per call (ms, pg_stat_statements):`,
    "",
    `| procedure | ${columns.map((c) => `${c.label}: p50 | handler p50 | server CPU | PostgreSQL CPU | transactions / statements / ms`).join(" | ")} |`,
    `|---|${columns.map(() => "---|---|---|---|---|").join("")}`,
    ...names.map((name, i) => `| ${name} | ${columns.map((c) => cell(c.solo, i)).join(" | ")} |`),
  ];
}

/** Reading (b): each step's users, requests per second and p99; the capacity within the objective. */
function capacityTable(columns: Array<{ label: string; steps: Reading[] }>): string[] {
  const capacity = (steps: Reading[]) => {
    const within = steps.filter((s) => percentile(allLatencies(s), 99) <= OBJECTIVE_MS);
    const best = within.at(-1);
    return best ? `${(best.requests / best.seconds).toFixed(0)} requests/s (${best.users} users)` : `below ${FIRST_STEP} users`;
  };
  const row = (r: Reading) => `${r.users} users: ${(r.requests / r.seconds).toFixed(0)}/s, p99 ${percentile(allLatencies(r), 99).toFixed(1)} ms, server ${r.serverMs.toFixed(2)} + PostgreSQL ${r.postgresMs.toFixed(2)} ms CPU per request`;
  const steps = Math.max(...columns.map((c) => c.steps.length));
  return [
    `Reading (b): the same mix, ${STEP_SECONDS} s per step, users x${STEP_FACTOR} per step until p99 > ${OBJECTIVE_MS} ms.`,
    "",
    `| | ${columns.map((c) => c.label).join(" | ")} |`,
    `|---|${columns.map(() => "---|").join("")}`,
    ...Array.from({ length: steps }, (_, i) => `| step ${i + 1} | ${columns.map((c) => (c.steps[i] ? row(c.steps[i]) : "")).join(" | ")} |`),
    `| capacity at p99 <= ${OBJECTIVE_MS} ms | ${columns.map((c) => capacity(c.steps)).join(" | ")} |`,
  ];
}

/**
 * The statements with the highest mean time during the readings at scale, and their plans as the
 * app role: first the slot engine's statement (hours, time off and busy times in one union, run
 * by every slot search and booking) with real values and EXPLAIN ANALYZE, then the generic plans
 * of the slowest statements. pg_stat_statements turns `extract('epoch' from …)`'s field name into
 * a parameter, which EXPLAIN cannot parse: it is put back before asking for the generic plan.
 */
async function slowestPlans(su: postgres.Sql, appUrl: string, world: World): Promise<string[]> {
  const top = await su<Array<{ query: string; calls: string; mean: number }>>`
    select query, calls::text, round(mean_exec_time::numeric, 2)::float as mean from pg_stat_statements
     where query ~* '^\\s*(select|with)' and query not like '%pg_stat_statements%' and calls > 10
     order by mean_exec_time desc limit 3`;
  const [clinic] = await su<Array<{ id: string; timezone: string; practitionerIds: string[] }>>`
    select c.id, c.timezone, array_agg(p.id::text order by p.id) as "practitionerIds"
      from clinics c join practitioners p on p.clinic_id = c.id where c.slug = ${world.clinics[0]!.slug} group by c.id`;
  const lines: string[] = [];
  const { db, close } = createDb(appUrl, { max: 1 });
  try {
    const from = localDate(addDays(new Date(), 1));
    const query = availabilityQuery({
      clinic: { id: clinic!.id, timezone: clinic!.timezone, slotStepMinutes: 15, minNoticeMinutes: 60, horizonDays: 120 },
      practitionerIds: clinic!.practitionerIds,
      from,
      to: localDate(addDays(new Date(), 31)),
    });
    const analyzed = await withTenant(db, { clinicId: clinic!.id, userId: null, role: "public" }, (tx) =>
      tx.execute<{ "QUERY PLAN": string }>(drizzleSql`explain (analyze, buffers, costs off) ${query}`),
    );
    lines.push("", `The slot engine's statement for ${world.clinics[0]!.slug} (5 practitioners, 31 days from ${from}), EXPLAIN (ANALYZE, BUFFERS) as frontdesk_app in the public scope:`);
    lines.push("```", ...analyzed.map((row) => row["QUERY PLAN"]), "```");
  } finally {
    await close();
  }
  const app = postgres(appUrl, { max: 1, onnotice: () => undefined });
  try {
    for (const statement of top) {
      lines.push("", `${statement.mean} ms mean, ${statement.calls} calls:`, "```", statement.query.replace(/\s+/g, " ").slice(0, 600), "```");
      const text = statement.query.replace(/extract\(\$\d+ from/g, "extract(epoch from");
      const plan = await app
        .begin(async (tx) => {
          await tx`select set_config('app.clinic_id', ${clinic!.id}, true), set_config('app.role', 'receptionist', true)`;
          return tx.unsafe(`explain (generic_plan, costs off) ${text}`);
        })
        .catch((error: unknown) => [{ "QUERY PLAN": `(no plan: ${String(error).slice(0, 120)})` }]);
      lines.push("```", ...plan.map((row) => String(Object.values(row)[0])), "```");
    }
  } finally {
    await app.end();
  }
  return lines;
}

/** One request as the server's log line tells it: ms inside the handler, its transactions, their wait for a connection and the time they held one. */
interface Handled {
  ms: number;
  transactions: number;
  waitMs: number;
  heldMs: number;
}

interface ServerProcess extends BenchProcess {
  /** Every request the bench sent, by request id, from the server's log lines. */
  handlerTimes: Map<string, Handled>;
}

/** The real server (src/node.ts) as its own process (or `processes` of them, SERVER_PROCESSES), as in production. */
async function startServer(databaseUrl: string, processes: number): Promise<ServerProcess> {
  const handlerTimes = new Map<string, Handled>();
  const server = await startProcess(
    path.join(import.meta.dirname, "..", "src", "node.ts"),
    {
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      PUBLIC_URL,
      LOG_LEVEL: "info",
      RATE_LIMITS: "off",
      SERVER_PROCESSES: String(processes),
      // The event-loop delay is read from /metrics.
      METRICS_TOKEN,
      MAIL_DIR: path.join(tmpdir(), "frontdesk-bench-mail"),
      // Production refuses to start without a key for encryption at rest (ADR 0025); a throwaway one per run.
      MASTER_KEY: randomBytes(32).toString("base64"),
    },
    {
      // The request log, read as a log shipper would: only the bench's own requests' lines are parsed.
      onLine: (line) => {
        if (!line.includes('"requestId":"bench.')) return;
        const entry = JSON.parse(line) as { requestId?: string; durationMs?: number; msg?: string; db?: { transactions: number; waitMs: number; heldMs: number } };
        if (entry.msg === "request" && entry.requestId && entry.durationMs !== undefined) {
          handlerTimes.set(entry.requestId, { ms: entry.durationMs, transactions: entry.db?.transactions ?? 0, waitMs: entry.db?.waitMs ?? 0, heldMs: entry.db?.heldMs ?? 0 });
        }
      },
    },
  );
  return { ...server, handlerTimes };
}

await main();
