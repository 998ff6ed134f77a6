/* eslint-disable no-restricted-properties -- a benchmark script: an entry point */
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
// (60, reading a), BENCH_SCALE_STEP_SECONDS (15, reading b), BENCH_PROFILE=1 (server CPU profiles).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { availabilityQuery } from "@frontdesk/api";
import { createDb, withTenant } from "@frontdesk/db";
import { startTestServer } from "@frontdesk/db/testing/server";
import { sql as drizzleSql } from "drizzle-orm";
import postgres from "postgres";
import { addHistory, benchEmail, createClinics, scaleSlug, type ScaleOptions } from "./scale-dataset";
import { cpuSeconds, percentile, postmasterPid } from "./processes";

const CLINICS = Number(process.env.BENCH_SCALE_CLINICS ?? 200);
const PAST_MONTHS = Number(process.env.BENCH_SCALE_MONTHS ?? 24);
const PACED_SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 60);
const STEP_SECONDS = Number(process.env.BENCH_SCALE_STEP_SECONDS ?? 15);
const USERS = 100;
/** Reading (b): users per step, from 10, each step 1.5 times the last, until p99 passes the objective. */
const FIRST_STEP = 10;
const STEP_FACTOR = 1.5;
const MAX_STEPS = 12;
const OBJECTIVE_MS = 100;
const RECEPTIONIST_SHARE = 0.4;
const PASSWORD = "frontdesk-bench";
const PUBLIC_URL = "http://localhost:3999";

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

interface Reading {
  label: string;
  users: number;
  seconds: number;
  latencies: Map<string, number[]>;
  errors: Map<string, number>;
  requests: number;
  serverMs: number;
  postgresMs: number;
}

async function main() {
  const database = await startTestServer({
    shared_preload_libraries: "pg_stat_statements",
    "pg_stat_statements.track": "top",
    shared_buffers: "512MB",
    // Loading about 16 million rows: checkpoints by time, not every gigabyte of WAL, and index
    // builds on new files written without WAL (a throwaway server: no replica, fsync already off).
    max_wal_size: "32GB",
    checkpoint_timeout: "1h",
    wal_level: "minimal",
    max_wal_senders: "0",
  });
  const superUrl = database.urls.superUrl.replace(/\/[^/]*$/, new URL(database.urls.adminUrl).pathname);
  const su = postgres(superUrl, { max: 1, onnotice: () => undefined });
  await su`create extension if not exists pg_stat_statements`;
  const options: ScaleOptions = {
    clinics: CLINICS,
    pastMonths: PAST_MONTHS,
    futureMonths: 3,
    patientsLargest: 20_000,
    patientsEach: 4_925,
    now: new Date(),
    passwordHash: await hash(PASSWORD),
    // The load reads up to 31 days ahead (slots, bookings) and this week (calendars): the empty
    // layer holds that window, so that the at-scale reading differs by history alone (ADR 0056).
    windowDays: 35,
  };
  const interval = setInterval(sampleLoad, 30_000);
  const server: { current?: Awaited<ReturnType<typeof startServer>> } = {};
  try {
    await phase("clinics without history", () => createClinics(superUrl, postgres, options, datasetLog));
    const postmaster = await postmasterPid(database.urls.appUrl);
    const world = await loadWorld(su);

    server.current = await startServer(database.urls.appUrl);
    const empty = await phase("readings empty", () => readings("empty", server.current!, postmaster, world, su));
    await server.current.stop();

    // Both readings start from the same appointments: the bookings of the empty readings go.
    await su`delete from appointments where patient_id in (select id from patients where email like 'load-%@example.test')`;
    progress("adding the history");
    const loadStarted = performance.now();
    await phase("history", () => addHistory(superUrl, postgres, options, datasetLog));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const [sizes] = await su<Array<{ appointments: number; patients: number; audit: number; events: number; bytes: string }>>`
      select (select count(*) from appointments)::int as appointments, (select count(*) from patients)::int as patients,
             (select count(*) from audit_log)::int as audit, (select count(*) from appointment_events)::int as events,
             pg_size_pretty(pg_database_size(current_database())) as bytes`;
    progress(`history in ${loadSeconds.toFixed(0)} s: ${JSON.stringify(sizes)}`);

    server.current = await startServer(database.urls.appUrl);
    const scale = await phase("readings at scale", () => readings("at scale", server.current!, postmaster, world, su));
    const plans = await phase("plans", () => slowestPlans(su, database.urls.appUrl, world));
    await server.current.stop();
    clearInterval(interval);
    sampleLoad();

    const lines = [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, PostgreSQL 18 (embedded, fsync off, shared_buffers 512MB); ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      `Load average (1 min) during the run: ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)}, mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2)} (${loads.length} samples).`,
      `Dataset: ${CLINICS} clinics x 5 practitioners; at scale ${sizes!.appointments} appointments (${PAST_MONTHS} months past, 3 ahead), ${sizes!.patients} patients (${scaleSlug(1)}: 20000), ${sizes!.audit} audit rows, ${sizes!.events} history events, ${sizes!.bytes}; history generated in ${loadSeconds.toFixed(0)} s.`,
      `Phases: ${phases.join("; ")}.`,
      `Dataset steps: ${datasetSteps.join("; ")}.`,
      `Total run: ${((performance.now() - started) / 60_000).toFixed(1)} min.`,
      "",
      ...table(empty.paced, scale.paced),
      "",
      ...capacityTable(empty.steps, scale.steps),
      "",
      "Slowest statements at scale (pg_stat_statements, mean ms; plans as frontdesk_app with row-level security, generic plan):",
      ...plans,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    clearInterval(interval);
    await server.current?.stop().catch(() => undefined);
    await su.end();
    await database.stop();
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

/** Reading (a) at 100 users, then (b) stepped up until p99 passes the objective. */
async function readings(label: string, api: Awaited<ReturnType<typeof startServer>>, postmaster: number, world: World, su: postgres.Sql) {
  await su`select pg_stat_statements_reset()`;
  progress(`${label}: warming up`);
  await runLoad(`${label} warm-up`, api, postmaster, world, USERS, 10);
  progress(`${label}: reading (a), ${USERS} users for ${PACED_SECONDS} s`);
  const paced = await runLoad(label, api, postmaster, world, USERS, PACED_SECONDS);
  const steps: Reading[] = [];
  for (let users = FIRST_STEP, step = 0; step < MAX_STEPS; step++, users = Math.round(users * STEP_FACTOR)) {
    const reading = await runLoad(label, api, postmaster, world, users, STEP_SECONDS);
    const p99 = percentile(allLatencies(reading), 99);
    progress(`${label}: reading (b), ${users} users: ${(reading.requests / reading.seconds).toFixed(0)} requests/s, p99 ${p99.toFixed(1)} ms`);
    steps.push(reading);
    if (p99 > OBJECTIVE_MS) break;
  }
  return { paced, steps };
}

const allLatencies = (r: Reading) => [...r.latencies.values()].flat().sort((a, b) => a - b);

/** `users` people acting for `seconds`; latencies per procedure and CPU per request. */
async function runLoad(label: string, api: Awaited<ReturnType<typeof startServer>>, postmaster: number, world: World, users: number, seconds: number): Promise<Reading> {
  const reading: Reading = { label, users, seconds, latencies: new Map(), errors: new Map(), requests: 0, serverMs: 0, postgresMs: 0 };
  const receptionists = Math.round(users * RECEPTIONIST_SHARE);
  const staff = await staffSessions(api.url, world, receptionists);
  // Every reception screen has its feed open before the clock starts: the steady state, not
  // forty screens connecting in the same second as the users start.
  const feeds = await Promise.all(staff.map((s) => openFeed(api.url, s.cookie)));
  const call = async (name: string, work: () => Promise<{ status: number; text: string }>) => {
    const t0 = performance.now();
    const answer = await work().catch((error: unknown) => ({ status: 0, text: String(error) }));
    reading.requests++;
    if (answer.status !== 200) {
      reading.errors.set(name, (reading.errors.get(name) ?? 0) + 1);
      if ((reading.errors.get(name) ?? 0) <= 2) progress(`${name} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      return undefined;
    }
    const list = reading.latencies.get(name) ?? [];
    list.push(performance.now() - t0);
    reading.latencies.set(name, list);
    return answer.text;
  };
  const cpu0 = [await cpuSeconds(api.pid), await cpuSeconds(postmaster, true)] as const;
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
  const cpu1 = [await cpuSeconds(api.pid), await cpuSeconds(postmaster, true)] as const;
  for (const feed of feeds) feed.close();
  reading.serverMs = ((cpu1[0] - cpu0[0]) * 1000) / reading.requests;
  reading.postgresMs = ((cpu1[1] - cpu0[1]) * 1000) / reading.requests;
  return reading;
}

type Call = (name: string, work: () => Promise<{ status: number; text: string }>) => Promise<string | undefined>;

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
      return answer.status === 409 ? { status: 200, text: answer.text } : answer;
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
          return answer.status === 409 ? { status: 200, text: answer.text } : answer;
        });
        return;
      }
      default:
        return call("calendar.range (day)", () => get(base, "calendar.range", { from: localDate(addDays(today, 1)), to: localDate(addDays(today, 1)) }, staff.cookie));
    }
  };
}

/** Signed-in receptionists, one per clinic in turn; made once, one after the other, and kept (sessions outlive a restart). */
const sessions: Array<{ cookie: string }> = [];
async function staffSessions(base: string, world: World, count: number) {
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

function send(method: string, url: string, body: string | undefined, headers: Record<string, string>): Promise<{ status: number; text: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method, agent, headers: { ...(body ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } : {}), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.once("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), cookies: response.headers["set-cookie"] ?? [] }));
        response.once("error", reject);
      },
    );
    request.once("error", reject);
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The table of reading (a): p50 / p95 / p99 per procedure, empty and at scale. */
function table(empty: Reading, scale: Reading): string[] {
  const names = [...new Set([...empty.latencies.keys(), ...scale.latencies.keys()])].sort();
  const cell = (r: Reading, name: string) => {
    const sorted = [...(r.latencies.get(name) ?? [])].sort((a, b) => a - b);
    return `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 95).toFixed(1)} / ${percentile(sorted, 99).toFixed(1)} (${sorted.length}${r.errors.get(name) ? `, ${r.errors.get(name)} errors` : ""})`;
  };
  const total = (r: Reading) => `${r.requests} requests, ${(r.requests / r.seconds).toFixed(0)}/s, ${[...r.errors.values()].reduce((a, b) => a + b, 0)} errors; p99 ${percentile(allLatencies(r), 99).toFixed(1)} ms`;
  return [
    `Reading (a): ${USERS} users (${Math.round(USERS * RECEPTIONIST_SHARE)} receptionists with the live feed open, ${USERS - Math.round(USERS * RECEPTIONIST_SHARE)} patients), 1-3 s think time, open loop, ${PACED_SECONDS} s. p50 / p95 / p99 in ms (answers):`,
    "",
    "| procedure | empty | at scale |",
    "|---|---|---|",
    ...names.map((name) => `| ${name} | ${cell(empty, name)} | ${cell(scale, name)} |`),
    `| all | ${total(empty)} | ${total(scale)} |`,
    `| CPU per request | server ${empty.serverMs.toFixed(2)} ms, PostgreSQL ${empty.postgresMs.toFixed(2)} ms | server ${scale.serverMs.toFixed(2)} ms, PostgreSQL ${scale.postgresMs.toFixed(2)} ms |`,
  ];
}

/** Reading (b): each step's users, requests per second and p99; the capacity within the objective. */
function capacityTable(empty: Reading[], scale: Reading[]): string[] {
  const capacity = (steps: Reading[]) => {
    const within = steps.filter((s) => percentile(allLatencies(s), 99) <= OBJECTIVE_MS);
    const best = within.at(-1);
    return best ? `${(best.requests / best.seconds).toFixed(0)} requests/s (${best.users} users)` : `below ${FIRST_STEP} users`;
  };
  const row = (r: Reading) => `${r.users} users: ${(r.requests / r.seconds).toFixed(0)}/s, p99 ${percentile(allLatencies(r), 99).toFixed(1)} ms, server ${r.serverMs.toFixed(2)} + PostgreSQL ${r.postgresMs.toFixed(2)} ms CPU per request`;
  return [
    `Reading (b): the same mix, ${STEP_SECONDS} s per step, users x${STEP_FACTOR} per step until p99 > ${OBJECTIVE_MS} ms.`,
    "",
    "| | empty | at scale |",
    "|---|---|---|",
    ...Array.from({ length: Math.max(empty.length, scale.length) }, (_, i) => `| step ${i + 1} | ${empty[i] ? row(empty[i]) : ""} | ${scale[i] ? row(scale[i]) : ""} |`),
    `| capacity at p99 <= ${OBJECTIVE_MS} ms | ${capacity(empty)} | ${capacity(scale)} |`,
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

/** The real server (src/node.ts) as its own process, as in production. */
async function startServer(databaseUrl: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/frontdesk-prof"] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(import.meta.dirname, "..", "src", "node.ts")], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      PUBLIC_URL,
      LOG_LEVEL: "info",
      RATE_LIMITS: "off",
      MAIL_DIR: path.join(tmpdir(), "frontdesk-bench-mail"),
      // Production refuses to start without a key for encryption at rest (ADR 0025); a throwaway one per run.
      MASTER_KEY: randomBytes(32).toString("base64"),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      child.stdout.off("data", listen);
      resolve(match[1]!);
    };
    child.stdout.on("data", listen);
    child.on("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
  // Keep draining the request log (as a log shipper would) so the server never blocks on it.
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

await main();
