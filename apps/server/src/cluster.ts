// More than one server process on one machine (SERVER_PROCESSES > 1, ADR 0062): the Node entry
// becomes a small primary that forks that many copies of itself with node:cluster. The copies
// share one port (the primary hands out connections in turn), each with its own pool, caches and
// LISTEN connection; whatever they must agree on is in PostgreSQL already (docs/scaling.md).
// The primary serves nothing: it starts the copies, starts another when one dies, passes a
// shutdown on to all of them, and adds up their metrics for whichever copy is scraped.
import cluster, { type Worker } from "node:cluster";
import { ServiceUnavailableError, type Logger } from "@frontdesk/api";
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from "prom-client";

/** A copy that lived shorter than this before dying counts as failing: the next one waits longer. */
const HEALTHY_AFTER_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;
const SCRAPE_TIMEOUT_MS = 3_000;

/** One process's metrics as JSON (Registry.getMetricsAsJSON), what AggregatorRegistry adds up. */
type ProcessMetrics = Array<MetricObjectWithValues<MetricValue<string>>>;

/** The cluster's messages (IPC between the primary and its copies). */
type Message =
  | { type: "frontdesk:scrape"; id: number }
  | { type: "frontdesk:scraped"; id: number; body?: string; failed?: true }
  | { type: "frontdesk:metrics?"; id: number }
  | { type: "frontdesk:metrics"; id: number; metrics: ProcessMetrics };
const isMessage = (value: unknown): value is Message => typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" && (value as { type: string }).type.startsWith("frontdesk:");

export interface PrimaryOptions {
  processes: number;
  /** The job worker's setting: it runs in the first copy only (and in its replacements). */
  jobWorker: "on" | "off";
  /** How long the copies may take to stop on SIGTERM before they are killed. */
  graceMs: number;
  logger: Logger;
  /** Called once, when every copy listens: the URL they share. */
  onListening(url: string): void;
}

/**
 * Runs the primary: resolves with the exit code once every copy has stopped (after SIGTERM or
 * SIGINT, or when a copy fails before the cluster ever listened: a setting that cannot work).
 */
export function runPrimary(options: PrimaryOptions): Promise<number> {
  const { logger } = options;
  const slotOf = new Map<Worker, number>();
  const startedAt = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const failures = Array.from({ length: options.processes }, () => 0);
  let ready = false;
  let stopping = false;
  let exitCode = 0;
  let allStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (allStopped = resolve));

  const start = (slot: number) => {
    if (stopping) return;
    // One job worker per machine, not one per copy: the others would only hold connections.
    const worker = cluster.fork({ WORKER: slot === 0 ? options.jobWorker : "off" });
    slotOf.set(worker, slot);
    startedAt.set(worker, Date.now());
    worker.on("listening", (address: { port: number }) => {
      listening.add(worker);
      logger.info({ component: "cluster", slot, pid: worker.process.pid }, "server process listening");
      if (!ready && listening.size === options.processes) {
        ready = true;
        options.onListening(`http://localhost:${address.port}`);
      }
    });
    worker.on("message", (message: unknown) => {
      if (isMessage(message) && message.type === "frontdesk:scrape") void answerScrape(worker, message.id);
    });
    worker.on("exit", (code, signal) => {
      listening.delete(worker);
      slotOf.delete(worker);
      const lived = Date.now() - (startedAt.get(worker) ?? 0);
      startedAt.delete(worker);
      if (stopping) {
        if (code !== 0) exitCode = 1;
        if (slotOf.size === 0) allStopped();
        return;
      }
      if (!ready) {
        // Before the cluster ever listened, a copy that dies has met a setting or a database it
        // cannot work with: starting it again would only repeat that. Fail like a single process.
        logger.error({ component: "cluster", slot, pid: worker.process.pid, code, signal }, "server process failed to start: stopping");
        exitCode = 1;
        stopAll();
        return;
      }
      const failed = lived < HEALTHY_AFTER_MS ? failures[slot]! + 1 : 0;
      failures[slot] = failed;
      const delay = failed === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** (failed - 1));
      logger.warn({ component: "cluster", slot, pid: worker.process.pid, code, signal, restartInMs: delay }, "server process exited: starting another");
      setTimeout(() => start(slot), delay).unref();
    });
  };

  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    if (slotOf.size === 0) allStopped();
    // Each copy drains on SIGTERM (node.ts); one that outlives the grace is killed.
    for (const worker of slotOf.keys()) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of slotOf.keys()) worker.process.kill("SIGKILL");
    }, options.graceMs + 5_000).unref();
  };

  // Metrics: the copy that was scraped asks here; every listening copy sends its own; the sum
  // (or, for numbers read from the database, the first) goes back to the one that asked.
  let nextId = 0;
  const pending = new Map<number, { expected: number; received: ProcessMetrics[]; done: (metrics: ProcessMetrics[]) => void }>();
  cluster.on("message", (_worker, message: unknown) => {
    if (!isMessage(message) || message.type !== "frontdesk:metrics") return;
    const request = pending.get(message.id);
    if (!request) return;
    request.received.push(message.metrics);
    if (request.received.length === request.expected) request.done(request.received);
  });
  const answerScrape = async (asking: Worker, id: number) => {
    const copies = [...listening].filter((worker) => worker.isConnected());
    const requestId = nextId++;
    const collected = await new Promise<ProcessMetrics[] | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), SCRAPE_TIMEOUT_MS);
      pending.set(requestId, {
        expected: copies.length,
        received: [],
        done: (metrics) => {
          clearTimeout(timer);
          resolve(metrics);
        },
      });
      for (const worker of copies) worker.send({ type: "frontdesk:metrics?", id: requestId } satisfies Message);
    });
    pending.delete(requestId);
    const reply: Message = collected ? { type: "frontdesk:scraped", id, body: await AggregatorRegistry.aggregate(collected).metrics() } : { type: "frontdesk:scraped", id, failed: true };
    if (asking.isConnected()) asking.send(reply);
  };

  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, stopAll);
  for (let slot = 0; slot < options.processes; slot++) start(slot);
  return stopped.then(() => exitCode);
}

/**
 * In a copy: answers the primary's requests for this copy's metrics, and returns the scrape that
 * answers /metrics with the whole cluster's.
 */
export function scrapeAcrossProcesses(registry: Registry): () => Promise<{ body: string; contentType: string }> {
  let nextId = 0;
  const waiting = new Map<number, (body: string | undefined) => void>();
  process.on("message", (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === "frontdesk:metrics?") {
      void registry.getMetricsAsJSON().then((metrics) => process.send?.({ type: "frontdesk:metrics", id: message.id, metrics } satisfies Message));
    }
    if (message.type === "frontdesk:scraped") {
      waiting.get(message.id)?.(message.failed ? undefined : message.body);
      waiting.delete(message.id);
    }
  });
  return async () => {
    const id = nextId++;
    const body = await new Promise<string | undefined>((resolve) => {
      waiting.set(id, resolve);
      setTimeout(() => resolve(undefined), SCRAPE_TIMEOUT_MS + 1_000).unref();
      process.send?.({ type: "frontdesk:scrape", id } satisfies Message);
    });
    waiting.delete(id);
    // A copy that hangs: 503 "busy" rather than a partial sum that would look like counters reset.
    if (body === undefined) throw new ServiceUnavailableError("overloaded");
    return { body, contentType: registry.contentType };
  };
}

export const isClusterCopy = () => cluster.isWorker;
export const isClusterPrimary = (processes: number) => processes > 1 && cluster.isPrimary;
