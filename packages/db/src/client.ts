import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export interface CreateDbOptions {
  /** Pool size: one pool per Node process; 1 for a short-lived edge request. */
  max?: number;
  /**
   * Send every query as a prepared statement (the default). Off only for migrations, whose
   * files may hold several commands in one statement, which Postgres cannot prepare.
   */
  prepare?: boolean;
  /** Give up on opening a connection after this long (a stopped or unreachable server fails fast). */
  connectTimeoutMs?: number;
  /** The longest wait before a lost connection is opened again (see `reconnectDelaySeconds`). */
  maxReconnectDelayMs?: number;
}

/**
 * postgres.js waits before reopening a lost connection, longer after each failure (3^n / 100 s,
 * up to 20 s), and counts failures for the whole pool: after an outage a query could wait many
 * seconds for a timer while the server was long back. Here the wait doubles from 50 ms up to
 * `capMs`, with jitter so a pool's connections do not knock together. The driver takes seconds.
 */
export function reconnectDelaySeconds(failures: number, capMs: number): number {
  const ms = Math.min(50 * 2 ** Math.max(0, failures - 1), capMs);
  return (ms * (0.5 + Math.random() / 2)) / 1000;
}

type Client = ReturnType<typeof postgres>;

/**
 * drizzle-orm's postgres-js driver asks for an unprepared statement unless a query is built with
 * `.prepare()`. postgres.js then sends each query with parameters in two round trips (Parse and
 * Describe, wait for the parameter types, then Bind and Execute), stops pipelining behind it, and
 * Postgres parses and plans it on every call. Every query the app sends is parameterized SQL of a
 * fixed shape, so all are prepared instead: postgres.js keeps them per connection, keyed by text.
 * This wraps the client (and the transaction clients it hands out) to ask for that.
 */
function preparingAll(client: Client): Client {
  const wrapCallback = (callback: unknown) =>
    typeof callback === "function" ? (inner: Client) => (callback as (c: Client) => unknown)(preparingAll(inner)) : callback;
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], queryOptions?: { prepare?: boolean }) =>
          target.unsafe(query, parameters as never, { ...queryOptions, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => original.apply(target, args.map(wrapCallback));
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** A Drizzle client over postgres.js. Web-standard enough for Node and edge runtimes alike. */
export function createDb(url: string, options: CreateDbOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    // Instants are exchanged in UTC whatever the server's default zone is.
    connection: { TimeZone: "UTC", application_name: "frontdesk" },
    // No catalog round trip on connect: required on edge runtimes, harmless on Node.
    fetch_types: false,
    onnotice: () => undefined,
    connect_timeout: (options.connectTimeoutMs ?? 2_000) / 1000,
    backoff: (failures: number) => reconnectDelaySeconds(failures, options.maxReconnectDelayMs ?? 100),
  });
  const db = drizzle(options.prepare === false ? client : preparingAll(client), { schema });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}

export type Database = ReturnType<typeof createDb>["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * A statement of fixed text for a hot path (ADR 0067): sent on the transaction's own postgres.js
 * connection, prepared, without drizzle building it again on every call (building was a third of
 * a booking's server CPU). The text must be a literal written in the code: values are always
 * parameters ($1, $2, …), never part of the text. Issued when called, in call order with the
 * other fixed statements of the transaction (drizzle's queries are issued a microtask later, so a
 * caller that needs an order between the two awaits in between).
 */
export function fixedStatement<Row extends object = Record<string, unknown>>(text: string) {
  return (tx: Transaction, parameters: ReadonlyArray<string | number | boolean | null>): Promise<Row[]> => {
    const connection = (tx as unknown as { session: { client: Client } }).session.client;
    return connection.unsafe<Row[]>(text, parameters as never[]).execute();
  };
}
