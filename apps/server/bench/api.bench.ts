/* eslint-disable no-restricted-properties -- a benchmark script: an entry point */
// `pnpm bench` (apps/server): the API over real HTTP against a real PostgreSQL.
//  1. public.slots, 10 practitioners x 31 days, 50 concurrent clients: p50 / p99.
//  2. Booking throughput (distinct slots) against the raw ceiling: pgbench running the same SQL
//     transaction (set_config, insert appointment, insert audit row) on the same server.
// The server runs as its own process (as in production); this process is the load generator.
import { execFile as execFileCb } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { Agent, get as httpGet, request as httpRequest } from "node:http";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createBookableClinic } from "@frontdesk/api/testing";
import { createDb, withTenant } from "@frontdesk/db";
import { appointments, patients } from "@frontdesk/db/schema";
import { startTestServer } from "@frontdesk/db/testing/server";
import postgres from "postgres";
import { choiceOption, flagOption, integerOption } from "./options";
import { cpuSeconds, percentile, postmasterPid, startProcess } from "./processes";

const execFile = promisify(execFileCb);
const SLOT_CLIENTS = 50;
/**
 * Back to back, the slowest 1% of answers depends as much on what else the shared machine does as
 * on the server: the closed loop is run in rounds, and the table shows the median round and the
 * range of the rounds' p99.
 */
const SLOT_ROUNDS = 5;
const SLOT_REQUESTS = 2000;
/** Also measured as 50 people browsing: each client asks once a second (open loop, 50 requests/s offered). */
const PACED_SECONDS = 10;
const BOOK_CLIENTS = 16;
/** BENCH_BOOKINGS=n measures fewer bookings (development runs); the warm-up is 30% of it. */
const BOOKINGS = integerOption("BENCH_BOOKINGS", 1000);
const BOOK_WARMUP = Math.round(BOOKINGS * 0.3);
const PGBENCH = "/usr/lib/postgresql/15/bin/pgbench";
/** The origin the server believes it is served at; mutations must come from it (CSRF). */
const PUBLIC_URL = "http://localhost:3999";
/** BENCH_ONLY=slots or BENCH_ONLY=book runs one half (while working on it); both by default. */
const ONLY = choiceOption("BENCH_ONLY", ["slots", "book"]);
/** BENCH_STATEMENTS=1 prints where PostgreSQL's time went during the API's runs, statement by statement. */
const STATEMENTS = flagOption("BENCH_STATEMENTS");

const ms = (n: number) => n.toFixed(1);
const progress = (step: string) => process.stderr.write(`[bench] ${step}\n`);

async function main() {
  const database = await startTestServer(STATEMENTS ? { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" } : {});
  const statements = STATEMENTS ? await statementStatistics(database.urls.superUrl) : undefined;
  const { db, close } = createDb(database.urls.appUrl, { max: 4 });
  const server: { url?: string; pid?: number; stop: () => Promise<void> } = { stop: () => Promise.resolve() };
  try {
    // A clinic of 10 practitioners working 08:00-20:00 every day, 15-minute service and step,
    // each with 6 appointments a day through December 2026.
    const clinic = await createBookableClinic(db, {
      practitioners: 10,
      hours: { start: "08:00", end: "20:00" },
      service: { durationMinutes: 15 },
      policy: { slotStepMinutes: 15, minNoticeMinutes: 0, horizonDays: 400 },
    });
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, async (tx) => {
      const [patient] = await tx.insert(patients).values({ clinicId: clinic.clinicId, fullName: "Bench Patient" }).returning({ id: patients.id });
      const rows = [];
      for (let day = 1; day <= 31; day++) {
        for (const [i, practitionerId] of clinic.practitionerIds.entries()) {
          for (const hour of [9, 10, 12, 14, 15, 17]) {
            const start = new Date(Date.UTC(2026, 11, day, hour - 1, (i % 4) * 15));
            const end = new Date(start.getTime() + 15 * 60_000);
            rows.push({ clinicId: clinic.clinicId, practitionerId, serviceId: clinic.serviceId, patientId: patient!.id, startsAt: start, endsAt: end, blockedFrom: start, blockedTo: end, source: "staff" as const });
          }
        }
      }
      for (let i = 0; i < rows.length; i += 500) await tx.insert(appointments).values(rows.slice(i, i + 500));
    });

    progress("database and clinic ready; starting the server");
    Object.assign(server, await startApiServer(database.urls.appUrl));
    progress(`server at ${server.url}`);
    const base = server.url!;

    const lines = [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, PostgreSQL 18 (embedded, fsync off), pgbench 15; ${new Date().toISOString().slice(0, 10)}.`,
      "",
    ];
    const postmaster = await postmasterPid(database.urls.appUrl);
    await statements?.reset();
    if (ONLY !== "book") lines.push(...(await benchSlots(base, clinic, { server: server.pid!, postmaster })));
    await statements?.report("public.slots");
    if (ONLY !== "slots") {
      const api = await benchBooking(base, clinic, { server: server.pid!, postmaster });
      await statements?.report("public.book");
      await server.stop();
      progress(`API bookings: ${api.perSecond.toFixed(0)}/s; running the floor server and pgbench`);
      const patientId = await prepareRawBookings(database.urls, clinic.clinicId);
      const floor = await floorThroughput(database.urls.appUrl, clinic, patientId, postmaster);
      const pgbench = await pgbenchCeiling(database.urls, clinic, patientId, postmaster);
      const pgbenchPerSecond = pgbench.perSecond;
      const percent = (n: number) => `${((100 * n) / pgbenchPerSecond).toFixed(0)}%`;
      // With the API on machines of its own (it keeps no state, so it scales out), PostgreSQL's
      // CPU per booking is what bounds bookings per second, against pgbench's per transaction.
      const databaseShare = (ms: number) => `${((100 * pgbench.postgresMs) / ms).toFixed(0)}%`;
      lines.push(
        `| public.book over HTTP, ${BOOK_CLIENTS} concurrent clients, ${BOOKINGS} distinct slots | ${api.perSecond.toFixed(0)} bookings/s | ${percent(api.perSecond)} of pgbench (target >= 40%) | ${cpuCell(api.cpu)} |`,
        `| floor: node:http + postgres.js doing only pgbench's transaction, same clients | ${floor.perSecond.toFixed(0)} bookings/s | ${percent(floor.perSecond)} of pgbench | ${cpuCell(floor.cpu)} |`,
        `| pgbench, same transaction, ${BOOK_CLIENTS} clients, prepared, 15 s | ${pgbenchPerSecond.toFixed(0)} tps | 100% | | PostgreSQL ${pgbench.postgresMs.toFixed(2)} ms each |`,
        "",
        `PostgreSQL's CPU per transaction, pgbench's against each: API ${databaseShare(api.cpu.postgresMs)}, floor ${databaseShare(floor.cpu.postgresMs)} (the share of pgbench's rate the database could sustain if it had the machine to itself).`,
      );
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await statements?.close();
    await server.stop().catch(() => undefined);
    await close();
    await database.stop();
  }
}

type BenchClinic = Awaited<ReturnType<typeof createBookableClinic>>;

/** 1. public.slots for December: 50 clients back to back, then 50 clients each once a second. */
async function benchSlots(base: string, clinic: BenchClinic, pids: { server: number; postmaster: number }): Promise<string[]> {
  // As the booking page asks: tRPC's batch form (httpBatchLink), with one call in the batch.
  const input = { clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: "2026-12-01", to: "2026-12-31" };
  const slotsUrl = `${base}/trpc/public.slots?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`;
  const sample = (await (await fetch(slotsUrl)).json()) as Array<{ result: { data: { days: Array<{ starts: string[] }> } } }>;
  const slotCount = sample[0]!.result.data.days.reduce((n, d) => n + d.starts.length, 0);
  // The load generator (fetchOk) reads every byte of each answer but does not parse it: parsing
  // is the browser's work, on the patient's machine, not the server's latency. It uses node:http
  // with keep-alive rather than fetch, which costs several times more CPU per request on cores
  // the server shares.
  const api = await measureSlots(slotsUrl, pids);
  progress(`slots done: ${roundsCell(api.rounds)}`);
  const pacedLatencies = (await runPaced(SLOT_CLIENTS, PACED_SECONDS, () => fetchOk(slotsUrl))).sort((a, b) => a - b);

  // The floor: the same answer from memory through bare node:http.
  const slotsFile = path.join(tmpdir(), "frontdesk-bench-slots.json");
  await writeFile(slotsFile, JSON.stringify(sample));
  const floorServer = await startProcess(path.join(import.meta.dirname, "floor-server.ts"), { SLOTS_FILE: slotsFile });
  const floor = await measureSlots(`${floorServer.url}/slots`, { server: floorServer.pid, postmaster: pids.postmaster }).finally(() => floorServer.stop());

  const responseKb = JSON.stringify(sample).length / 1024;
  const backToBack = `${SLOT_CLIENTS} clients back to back, ${SLOT_ROUNDS} rounds of ${SLOT_REQUESTS} requests`;
  return [
    `| public.slots, 10 practitioners x 31 days (${slotCount} free times, ${responseKb.toFixed(0)} kB JSON), ${backToBack} | ${roundsCell(api.rounds)} | target p99 <= 50 ms | ${cpuCell(api.cpu)} |`,
    `| same, ${SLOT_CLIENTS} clients each asking once a second for ${PACED_SECONDS} s (${pacedLatencies.length} requests) | ${roundsCell([pacedLatencies])} | target p99 <= 50 ms | |`,
    `| floor: node:http serialising the same answer from memory, ${backToBack} | ${roundsCell(floor.rounds)} | | ${cpuCell(floor.cpu)} |`,
  ];
}

/**
 * PostgreSQL's own account of its statements (pg_stat_statements): `report` prints the costliest
 * since the last report to stderr and starts counting again.
 */
async function statementStatistics(superUrl: string) {
  const su = postgres(superUrl, { max: 1, onnotice: () => undefined });
  await su`create extension if not exists pg_stat_statements`;
  const reset = async () => void (await su`select pg_stat_statements_reset()`);
  return {
    reset,
    async report(during: string) {
      const rows = await su<Array<{ calls: string; ms: string; rows: string; query: string }>>`
        select calls, round((total_exec_time + total_plan_time)::numeric, 1)::text as ms, rows,
               left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as query
          from pg_stat_statements order by total_exec_time + total_plan_time desc limit 15`;
      progress(`PostgreSQL statements during ${during} (calls, total ms, rows, statement):`);
      for (const row of rows) process.stderr.write(`  ${row.calls}\t${row.ms}\t${row.rows}\t${row.query}\n`);
      await reset();
    },
    close: () => su.end(),
  };
}

/** GETs `url` and fails on anything but 200. */
async function fetchOk(url: string) {
  const status = await getAll(url);
  if (status !== 200) throw new Error(`${url} answered ${status}`);
}

/** Warms up, then SLOT_REQUESTS GETs of `url` with SLOT_CLIENTS back to back: sorted latencies and CPU per answer. */
async function measureSlots(url: string, pids: { server: number; postmaster: number }) {
  await runConcurrently(SLOT_CLIENTS, 200, () => fetchOk(url));
  const rounds: number[][] = [];
  const cpu = await cpuPer(SLOT_ROUNDS * SLOT_REQUESTS, pids, async () => {
    for (let round = 0; round < SLOT_ROUNDS; round++) rounds.push((await runConcurrently(SLOT_CLIENTS, SLOT_REQUESTS, () => fetchOk(url))).sort((a, b) => a - b));
  });
  return { rounds, cpu };
}

/** "p50 … ms | p99 … ms (…-…)": the median round's p50 and p99, and the range of the rounds' p99. */
function roundsCell(rounds: number[][]): string {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const p99s = rounds.map((latencies) => percentile(latencies, 99));
  const range = rounds.length > 1 ? ` (${ms(Math.min(...p99s))}-${ms(Math.max(...p99s))})` : "";
  return `p50 ${ms(median(rounds.map((latencies) => percentile(latencies, 50))))} ms | p99 ${ms(median(p99s))} ms${range}`;
}

/** 2. Booking throughput: bookings per second, each client booking distinct (practitioner, time) pairs in January 2027. */
async function benchBooking(base: string, clinic: BenchClinic, pids: { server: number; postmaster: number }): Promise<{ perSecond: number; cpu: CpuPerRequest }> {
  const free: Array<{ start: string; practitionerId: string }> = [];
  for (let day = 1; free.length < BOOKINGS + 400; day++) {
    for (let quarter = 0; quarter < 48; quarter++) {
      for (const practitionerId of clinic.practitionerIds) {
        free.push({ start: new Date(Date.UTC(2027, 0, day, 7, quarter * 15)).toISOString(), practitionerId });
      }
    }
  }
  let next = 0;
  const bookOne = async () => {
    const slot = free[next++]!;
    const body = JSON.stringify({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      practitionerId: slot.practitionerId,
      start: slot.start,
      patient: { name: "Load Test", email: `load-${next}@example.test` },
      idempotencyKey: crypto.randomUUID(),
    });
    const { status, text } = await post(`${base}/trpc/public.book`, body, { Origin: PUBLIC_URL });
    if (status !== 200) throw new Error(`book answered ${status}: ${text}`);
  };
  return measureBookings(bookOne, pids);
}

/** Warms up, then books BOOKINGS times with BOOK_CLIENTS in flight: bookings per second and CPU per booking. */
async function measureBookings(bookOne: () => Promise<void>, pids: { server: number; postmaster: number }) {
  await runConcurrently(BOOK_CLIENTS, BOOK_WARMUP, bookOne);
  let perSecond = 0;
  const cpu = await cpuPer(BOOKINGS, pids, async () => {
    const started = performance.now();
    await runConcurrently(BOOK_CLIENTS, BOOKINGS, bookOne);
    perSecond = BOOKINGS / ((performance.now() - started) / 1000);
  });
  return { perSecond, cpu };
}

const agent = new Agent({ keepAlive: true, maxSockets: SLOT_CLIENTS });

/**
 * Runs `work` and says how much CPU the server process and PostgreSQL (the postmaster and its
 * backends) spent on each of `count` requests. CPU time, unlike latency, hardly depends on what
 * else the machine is doing. Linux only (reads /proc); elsewhere it says 0.
 */
async function cpuPer(count: number, pids: { server: number; postmaster: number }, work: () => Promise<void>): Promise<CpuPerRequest> {
  const sample = async () => [await cpuSeconds(pids.server), await cpuSeconds(pids.postmaster, true)] as const;
  const [server0, postgres0] = await sample();
  await work();
  const [server1, postgres1] = await sample();
  const per = (seconds: number) => (seconds * 1000) / count;
  const serverMs = per(server1 - server0);
  const postgresMs = per(postgres1 - postgres0);
  return { serverMs, postgresMs };
}

interface CpuPerRequest {
  serverMs: number;
  postgresMs: number;
}

const cpuCell = (cpu: CpuPerRequest) => `server ${cpu.serverMs.toFixed(2)} ms + PostgreSQL ${cpu.postgresMs.toFixed(2)} ms each`;

/** POSTs JSON `body` to `url`; resolves with the status and the answer. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.once("error", reject);
    });
    request.once("error", reject);
    request.end(body);
  });
}

/** GETs `url` and reads the whole answer; resolves with the status. */
function getAll(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { agent }, (response) => {
      response.on("data", () => undefined);
      response.once("end", () => resolve(response.statusCode ?? 0));
      response.once("error", reject);
    });
    request.once("error", reject);
  });
}

/** Runs `task` `total` times with `clients` in flight; returns each call's latency in ms. */
async function runConcurrently(clients: number, total: number, task: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (started < total) {
        started++;
        const t0 = performance.now();
        await task();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

/** `clients` each call `task` once a second (staggered) for `seconds`; returns the latencies in ms. */
async function runPaced(clients: number, seconds: number, task: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let tick = 0; tick < seconds; tick++) {
        const due = t0 + tick * 1000 + (client * 1000) / clients;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const started = performance.now();
        await task();
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

/** Starts the real server (apps/server/src/node.ts) as its own process, as in production. */
function startApiServer(databaseUrl: string) {
  return startProcess(path.join(import.meta.dirname, "..", "src", "node.ts"), {
    NODE_ENV: "production",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    PUBLIC_URL,
    LOG_LEVEL: "info",
    RATE_LIMITS: "off",
    MAIL_DIR: path.join(tmpdir(), "frontdesk-bench-mail"),
    // Production refuses to start without a key for encryption at rest (ADR 0025); a throwaway one per run.
    MASTER_KEY: randomBytes(32).toString("base64"),
  });
}

/** The sequence the floor server and pgbench take their times from, and a patient to book for. */
async function prepareRawBookings(urls: { appUrl: string; adminUrl: string }, clinicId: string): Promise<string> {
  const owner = postgres(urls.adminUrl, { max: 1, onnotice: () => undefined });
  await owner`create sequence if not exists bench_slot`;
  await owner`grant usage on sequence bench_slot to frontdesk_app`;
  await owner.end();
  const app = postgres(urls.appUrl, { max: 1 });
  const [patient] = await app.begin(async (tx) => {
    await tx`select set_config('app.clinic_id', ${clinicId}, true)`;
    return tx`insert into patients (clinic_id, full_name) values (${clinicId}, 'raw bookings') returning id`;
  });
  await app.end();
  return String(patient!.id);
}

/** Bookings per second through floor-server.ts: the least an HTTP booking endpoint can do. */
async function floorThroughput(appUrl: string, clinic: BenchClinic, patientId: string, postmaster: number) {
  const floor = await startProcess(path.join(import.meta.dirname, "floor-server.ts"), {
    DATABASE_URL: appUrl,
    CLINIC_ID: clinic.clinicId,
    PRACTITIONER_ID: clinic.practitionerIds[0]!,
    SERVICE_ID: clinic.serviceId,
    PATIENT_ID: patientId,
  });
  try {
    const bookOne = async () => {
      const { status } = await post(`${floor.url}/book`, "{}", {});
      if (status !== 200) throw new Error(`floor answered ${status}`);
    };
    return await measureBookings(bookOne, { server: floor.pid, postmaster });
  } finally {
    await floor.stop();
  }
}

/** pgbench's transactions per second, and PostgreSQL's CPU per transaction (pgbench's own process not counted). */
async function pgbenchCeiling(urls: { appUrl: string }, clinic: BenchClinic, patientId: string, postmaster: number): Promise<{ perSecond: number; postgresMs: number }> {
  // The same work as a booking's core: scope, appointment, audit row, in one transaction; every
  // transaction takes the next quarter hour, so none collides (as in the API run).
  const script = `
BEGIN;
SELECT set_config('app.clinic_id', :clinic, true), set_config('app.user_id', '', true), set_config('app.role', 'public', true);
WITH slot AS (SELECT timestamptz '2030-01-01 00:00+00' + nextval('bench_slot') * interval '15 minutes' AS at),
booked AS (
  INSERT INTO appointments (clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to, source)
  SELECT :clinic, :practitioner::uuid, :service::uuid, :patient::uuid, at, at + interval '15 minutes', at, at + interval '15 minutes', 'online' FROM slot
  RETURNING id)
INSERT INTO audit_log (clinic_id, actor_kind, action, entity, entity_id) SELECT :clinic, 'online_booking', 'create', 'appointment', id::text FROM booked;
COMMIT;
`;
  const file = path.join(tmpdir(), "frontdesk-book.pgbench.sql");
  await writeFile(file, script);
  const url = new URL(urls.appUrl);
  const postgres0 = await cpuSeconds(postmaster, true);
  const { stdout, stderr } = await execFile(
    PGBENCH,
    ["-n", "-M", "prepared", "-c", String(BOOK_CLIENTS), "-j", "2", "-T", "15", "-f", file, "-D", `clinic=${clinic.clinicId}`, "-D", `practitioner=${clinic.practitionerIds[0]}`, "-D", `service=${clinic.serviceId}`, "-D", `patient=${patientId}`, "-h", url.hostname, "-p", url.port, "-U", url.username, url.pathname.slice(1)],
    { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
  );
  // Backends are waited for by the postmaster a moment after pgbench disconnects.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const postgres1 = await cpuSeconds(postmaster, true);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  const transactions = /number of transactions actually processed: (\d+)/.exec(stdout)?.[1];
  if (!tps || !transactions) throw new Error(`pgbench said: ${stdout}${stderr}`);
  return { perSecond: Number(tps), postgresMs: ((postgres1 - postgres0) * 1000) / Number(transactions) };
}

await main();
