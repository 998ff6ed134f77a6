// The Metrics port (packages/api ports.ts) in Prometheus form (prom-client), for the Node entry point: the edge cannot
// hold counters between requests, so it passes none (ports.ts). One registry per server, so tests
// and two servers in one process do not share counts.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Metrics } from "@frontdesk/api";
import { scrapeAcrossProcesses } from "./cluster";

export interface PrometheusMetrics extends Metrics {
  /** Where other parts (the job queue) register their own metrics. */
  registry: Registry;
}

/** `acrossProcesses`: in a copy of a cluster (SERVER_PROCESSES > 1), /metrics answers with every copy's sum. */
export function createPrometheusMetrics(options: { processMetrics?: boolean; acrossProcesses?: boolean } = {}): PrometheusMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "frontdesk_process_" });
  const registers = [registry];
  const calls = new Counter({ name: "frontdesk_procedure_calls_total", help: "Procedure calls (tRPC and REST) by procedure and outcome", labelNames: ["procedure", "outcome"], registers });
  const durations = new Histogram({
    name: "frontdesk_procedure_duration_seconds",
    help: "Procedure call duration by procedure",
    labelNames: ["procedure"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const requests = new Counter({ name: "frontdesk_http_requests_total", help: "HTTP answers by area and status class", labelNames: ["area", "status"], registers });
  const bookings = new Counter({ name: "frontdesk_bookings_total", help: "Appointments booked, by source", labelNames: ["source"], registers });
  const conflicts = new Counter({ name: "frontdesk_booking_conflicts_total", help: "Bookings and moves refused because the time was taken or not free", labelNames: ["procedure"], registers });
  const cache = new Counter({ name: "frontdesk_cache_lookups_total", help: "Cache lookups by cache and result", labelNames: ["cache", "result"], registers });
  const feeds = new Gauge({ name: "frontdesk_live_feeds", help: "Open live calendar feeds (SSE)", registers });
  // Read when scraped: always current, nothing to update per request.
  let gateLoad: (() => { running: number; waiting: number }) | undefined;
  new Gauge({
    name: "frontdesk_db_transactions_running",
    help: "Transactions holding a pool connection",
    registers,
    collect() {
      if (gateLoad) this.set(gateLoad().running);
    },
  });
  new Gauge({
    name: "frontdesk_db_transactions_waiting",
    help: "Transactions waiting for a pool connection",
    registers,
    collect() {
      if (gateLoad) this.set(gateLoad().waiting);
    },
  });
  // The job queue, read from the database when scraped (one query per scrape, counts only).
  type QueueStats = { waiting: number; running: number; failed: number; oldestWaitingSeconds: number };
  let queueRead: (() => Promise<QueueStats>) | undefined;
  // The four gauges of one scrape share one read (a failed read leaves them as they were).
  let queueNow: Promise<QueueStats | undefined> | undefined;
  const queueStats = () => (queueNow ??= (queueRead?.() ?? Promise.resolve(undefined)).catch(() => undefined).finally(() => setTimeout(() => (queueNow = undefined), 0)));
  const queueGauges: Array<[string, string, (q: QueueStats) => number]> = [
    ["frontdesk_jobs_waiting", "Jobs due and not yet taken by a worker", (q) => q.waiting],
    ["frontdesk_jobs_running", "Jobs a worker holds", (q) => q.running],
    ["frontdesk_jobs_failed", "Jobs that used up their attempts", (q) => q.failed],
    ["frontdesk_jobs_oldest_waiting_seconds", "Age of the oldest job due and not taken", (q) => q.oldestWaitingSeconds],
  ];
  for (const [name, help, pick] of queueGauges) {
    new Gauge({
      name,
      help,
      registers,
      // Every process reads the same queue: across processes, one reading, not their sum.
      aggregator: "first",
      async collect() {
        const stats = await queueStats();
        if (stats) this.set(pick(stats));
      },
    });
  }
  const gatePermits = new Gauge({ name: "frontdesk_db_pool_size", help: "Connections the gate lets run at once", registers });
  return {
    registry,
    procedureCalled(procedure, outcome, seconds) {
      calls.inc({ procedure, outcome });
      durations.observe({ procedure }, seconds);
    },
    requestAnswered(area, status) {
      requests.inc({ area, status: `${Math.floor(status / 100)}xx` });
    },
    bookingMade: (source) => bookings.inc({ source }),
    bookingConflict: (procedure) => conflicts.inc({ procedure }),
    cacheLookup: (name, hit) => cache.inc({ cache: name, result: hit ? "hit" : "miss" }),
    liveFeedOpened: () => feeds.inc(),
    liveFeedClosed: () => feeds.dec(),
    watchGate(load, permits) {
      gatePermits.set(permits);
      gateLoad = load;
    },
    watchJobQueue(read) {
      queueRead = read;
    },
    scrape: options.acrossProcesses ? scrapeAcrossProcesses(registry) : async () => ({ body: await registry.metrics(), contentType: registry.contentType }),
  };
}
