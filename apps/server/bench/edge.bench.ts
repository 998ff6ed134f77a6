/* eslint-disable no-restricted-properties -- a benchmark script: an entry point */
// `pnpm bench` (apps/server), the edge part: in one run, on one database, public.slots and
// public.book against the Node server and against the worker in workerd (wrangler dev, Hyperdrive
// shape: a fresh client per request), workerd's cold start, and password hashing on the edge.
// Both servers are processes of their own; this process is the load generator.
import { spawn } from "node:child_process";
import { cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { argon2Hasher } from "@frontdesk/auth/argon2";
import { webArgon2Hasher } from "@frontdesk/auth/argon2-web";
import { createBookableClinic } from "@frontdesk/api/testing";
import { createDb } from "@frontdesk/db";
import { startTestServer } from "@frontdesk/db/testing/server";
import { argon2id } from "hash-wasm";
import { startWorkerd } from "../src/edge/workerd";
import { percentile } from "./processes";

const here = path.dirname(fileURLToPath(import.meta.url));
const CLIENTS = 10;
const SLOT_REQUESTS = 400;
const BOOKINGS = 200;
const HASHES = 5;
const PUBLIC_URL = "http://localhost:3998";

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const ms = (value: number) => value.toFixed(1);

/** `count` requests from CLIENTS clients back to back; each request's time. */
async function closedLoop(count: number, request: (i: number) => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        const response = await request(i);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`request ${i}: ${response.status}`);
        times.push(performance.now() - started);
      }
    }),
  );
  return times;
}

async function waitForHealth(base: string) {
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base} did not become healthy`);
}

async function timeHashes(hash: () => Promise<unknown>) {
  await hash();
  const times: number[] = [];
  for (let i = 0; i < HASHES; i++) {
    const started = performance.now();
    await hash();
    times.push(performance.now() - started);
  }
  return summary(times).p50;
}

const database = await startTestServer({ max_connections: "300" });
const stops: Array<() => Promise<void>> = [() => database.stop()];
try {
  const { db, close } = createDb(database.urls.appUrl, { max: 4 });
  const clinic = await createBookableClinic(db, { timezone: "UTC", practitioners: 4, hours: { start: "00:00", end: "23:30" } });
  await close();
  const settings = { NODE_ENV: "test", PUBLIC_URL, RATE_LIMITS: "off", LOG_LEVEL: "warn", WORKER: "off" };

  // The Node server, as `pnpm start` runs it (from source through tsx).
  const port = 3998;
  const node = spawn(process.execPath, ["--import", "tsx", path.join(here, "../src/node.ts")], {
    env: { ...process.env, ...settings, PORT: String(port), DATABASE_URL: database.urls.appUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  stops.unshift(async () => {
    node.kill("SIGTERM");
    await new Promise((resolve) => node.once("exit", resolve));
  });
  const nodeBase = `http://127.0.0.1:${port}`;
  await waitForHealth(nodeBase);

  const edge = await startWorkerd({ databaseUrl: database.urls.appUrl, vars: settings });
  stops.unshift(() => edge.stop());
  // The first API request after start: a new isolate, its first database connection.
  const firstStarted = performance.now();
  await (await fetch(`${edge.base}/trpc/public.clinic?input=${encodeURIComponent(JSON.stringify({ slug: clinic.slug }))}`)).arrayBuffer();
  const firstRequestMs = performance.now() - firstStarted;

  const day = (offset: number) => new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + offset * 86_400_000);
  const slotsUrl = (base: string) =>
    `${base}/trpc/public.slots?input=${encodeURIComponent(JSON.stringify({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from: day(2).toISOString().slice(0, 10), to: day(8).toISOString().slice(0, 10) }))}`;
  // Distinct 30-minute times: the Node server books days 10..., workerd days 40..., four practitioners each.
  const bookBody = (firstDay: number, i: number) =>
    JSON.stringify({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      practitionerId: clinic.practitionerIds[i % 4],
      start: new Date(day(firstDay + Math.floor(i / 4 / 40)).getTime() + (Math.floor(i / 4) % 40) * 30 * 60_000 + 60 * 60_000).toISOString(),
      patient: { name: "Bench Patient", email: `bench-${i}-${firstDay}@example.test` },
      idempotencyKey: crypto.randomUUID(),
    });
  const rows: string[] = [];
  for (const [name, base, firstDay] of [
    ["Node", nodeBase, 10],
    ["workerd", edge.base, 40],
  ] as const) {
    await closedLoop(40, () => fetch(slotsUrl(base)));
    const slots = summary(await closedLoop(SLOT_REQUESTS, () => fetch(slotsUrl(base))));
    const book = summary(
      await closedLoop(BOOKINGS, (i) => fetch(`${base}/trpc/public.book`, { method: "POST", headers: { "Content-Type": "application/json", Origin: PUBLIC_URL }, body: bookBody(firstDay, i) })),
    );
    rows.push(`| ${name} | ${ms(slots.p50)} | ${ms(slots.p99)} | ${ms(book.p50)} | ${ms(book.p99)} |`);
  }

  // Hashing inside workerd: one hash per request, less an empty request's time.
  const hashWorker = await startWorkerd({ main: path.join(here, "edge-hash.worker.ts"), vars: {} });
  stops.unshift(() => hashWorker.stop());
  const edgeRequest = async (impl: string) => {
    const response = await fetch(`${hashWorker.base}/?impl=${impl}`);
    return { status: response.status, text: await response.text() };
  };
  const empty = await timeHashes(() => edgeRequest("none"));
  const edgeJs = (await timeHashes(() => edgeRequest("js"))) - empty;
  const wasmInEdge = await edgeRequest("wasm");
  const wasmParams = { parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32, outputType: "encoded" } as const;
  const hashRows = [
    `| native (@node-rs/argon2), Node | ${ms(await timeHashes(() => argon2Hasher.hash("correct horse battery")))} |`,
    `| WebAssembly (hash-wasm), Node | ${ms(await timeHashes(() => argon2id({ ...wasmParams, password: "correct horse battery", salt: crypto.getRandomValues(new Uint8Array(16)) })))} |`,
    `| pure JS (@noble/hashes), Node | ${ms(await timeHashes(() => webArgon2Hasher.hash("correct horse battery")))} |`,
    `| pure JS (@noble/hashes), workerd | ${ms(edgeJs)} |`,
    `| WebAssembly (hash-wasm), workerd | ${wasmInEdge.status === 200 ? "ran" : `refused: ${wasmInEdge.text}`} |`,
  ];

  process.stdout.write(
    [
      `Edge against Node, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}, wrangler 4.86.0 (workerd 1.20260426.1)`,
      `${CLIENTS} clients; public.slots: ${SLOT_REQUESTS} requests (7 days, 4 practitioners); public.book: ${BOOKINGS} distinct times`,
      "",
      "| server | slots p50 (ms) | slots p99 (ms) | book p50 (ms) | book p99 (ms) |",
      "|---|---:|---:|---:|---:|",
      ...rows,
      "",
      `workerd cold start: ${Math.round(edge.startMs)} ms from spawn to the first /healthz answer (wrangler bundles the worker first); first API request after it: ${ms(firstRequestMs)} ms`,
      "",
      "| argon2id m=19456 t=2 p=1, one hash | median (ms) |",
      "|---|---:|",
      ...hashRows,
      "",
    ].join("\n"),
  );
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
}
