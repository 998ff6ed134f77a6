// Answers derived from one clinic's data, kept in memory per server process and dropped when that
// data changes. A clinic's booking page asks the same questions (the clinic, this service's free
// times this month) for every visitor; Postgres tells every process when the tables behind them
// change (migration 0009), so each process can keep the answers until then.
//
// Correctness never rests on a cache: public.book re-checks the time inside its transaction and
// the exclusion constraint has the last word. A cache only decides how fresh what a patient is
// shown is:
//  - a change drops the clinic's entries as soon as its notification arrives (milliseconds);
//  - an entry never outlives its own expiry (e.g. its first time falling inside the notice);
//  - and never lives longer than `maxAgeMs`, which also bounds staleness while the listening
//    connection is down (notifications sent then are lost; on reconnect everything is dropped).
import type { Clock, Listen, Logger, Metrics } from "../ports";

/** The channel the availability triggers notify, with "<table>:<clinic id>" (migration 0009). */
export const AVAILABILITY_CHANNEL = "availability_changes";

export interface Cached<T> {
  clinicId: string;
  value: T;
  /** When the value stops being right even if nothing changes (the clock moving past a rule). */
  expiresAt: Date;
}

interface Entry<T> extends Cached<T> {
  expiresAtMs: number;
}

export interface ClinicCacheOptions {
  /** The tables whose changes make an entry wrong. */
  dependsOn: readonly string[];
  /** Entries kept at most; the least recently used go first. */
  maxEntries: number;
  /** The longest an entry is served, whatever its own expiry says. */
  maxAgeMs: number;
}

interface Loading<T> {
  promise: Promise<Cached<T>>;
  /** The clinic the load reads, when the asker knew it; unknown, any change stops it being shared. */
  clinicId: string | undefined;
}

export class ClinicCache<T> {
  /** Insertion order is recency order: a hit re-inserts its key. */
  private readonly entries = new Map<string, Entry<T>>();
  /** Loads under way that a new asker may still share: none may predate a change to its clinic. */
  private readonly loading = new Map<string, Loading<T>>();
  /**
   * Bumped by every change heard. A load notes the count when it starts; when it ends it is kept
   * only if neither its clinic changed (`changedAt`) nor everything was cleared (`clearedAt`) since.
   */
  private changes = 0;
  private clearedAt = 0;
  /** The count at each clinic's latest change, kept while loads are in flight (`inFlight`). */
  private readonly changedAt = new Map<string, number>();
  private inFlight = 0;
  private listening: Promise<unknown> | undefined;
  private live = false;
  private stopListening: (() => Promise<void>) | undefined;
  private readonly dependsOn: ReadonlySet<string>;

  constructor(
    private readonly listen: Listen,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ClinicCacheOptions,
    /** Told of every lookup (metrics: cache hits); absent, nobody counts. */
    private readonly onLookup?: (hit: boolean) => void,
  ) {
    this.dependsOn = new Set(options.dependsOn);
  }

  /**
   * The cached value for `key`, or `load()`'s, kept if its clinic did not change meanwhile.
   * Concurrent misses for one key share one load. Until this process listens, every call loads.
   * `clinicId`, when the asker knows whose data `load` reads, lets a change to another clinic leave
   * the load shared; without it, any change does stop the sharing (its clinic is known only after).
   */
  async get(key: string, load: () => Promise<Cached<T>>, clinicId?: string): Promise<T> {
    this.startListening();
    const now = this.clock.now().getTime();
    const hit = this.fresh(key, now);
    this.onLookup?.(hit !== undefined);
    if (hit) return hit.value;
    if (!this.live) return (await load()).value;

    const pending = this.loading.get(key);
    if (pending) return (await pending.promise).value;
    const startedAt = this.changes;
    const promise = load();
    this.loading.set(key, { promise, clinicId });
    this.inFlight++;
    try {
      const loaded = await promise;
      if (this.unchangedSince(loaded.clinicId, startedAt)) this.store(key, loaded, now);
      return loaded.value;
    } finally {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      if (--this.inFlight === 0) this.changedAt.clear();
    }
  }

  /** The value for `key` if one is kept and still fresh; never loads. */
  peek(key: string): T | undefined {
    return this.fresh(key, this.clock.now().getTime())?.value;
  }

  /**
   * Drops what depends on `clinicId`: its entries, and its loads under way, which may have read
   * before the change (each still answers its askers, but is neither kept nor shared any more).
   * Other clinics' loads go on: in a process serving many clinics, a booking somewhere must not
   * throw away every slot search running at that moment.
   */
  invalidate(clinicId: string): void {
    for (const [key, entry] of this.entries) if (entry.clinicId === clinicId) this.entries.delete(key);
    this.changes++;
    if (this.inFlight > 0) this.changedAt.set(clinicId, this.changes);
    for (const [key, pending] of this.loading) if (pending.clinicId === undefined || pending.clinicId === clinicId) this.loading.delete(key);
  }

  /** Forgets everything: after a lost listening connection, some change may have gone unheard. */
  clear(): void {
    this.entries.clear();
    this.loading.clear();
    this.changes++;
    this.clearedAt = this.changes;
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.live = false;
    this.clear();
    await this.listening?.catch(() => undefined);
    await this.stopListening?.();
    this.listening = undefined;
  }

  /** A notification's payload, "<table>:<clinic id>"; anything else is ignored. */
  private heard(payload: string): void {
    const separator = payload.indexOf(":");
    if (separator < 0) return;
    if (this.dependsOn.has(payload.slice(0, separator))) this.invalidate(payload.slice(separator + 1));
  }

  /** Whether nothing that could make `clinicId`'s answers wrong was heard after count `startedAt`. */
  private unchangedSince(clinicId: string, startedAt: number): boolean {
    return this.clearedAt <= startedAt && (this.changedAt.get(clinicId) ?? 0) <= startedAt;
  }

  /** The entry for `key` if it has not expired (now the most recently used); an expired one goes. */
  private fresh(key: string, now: number): Entry<T> | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.expiresAtMs <= now) return undefined;
    this.entries.set(key, hit);
    return hit;
  }

  private store(key: string, loaded: Cached<T>, now: number): void {
    const expiresAtMs = Math.min(loaded.expiresAt.getTime(), now + this.options.maxAgeMs);
    if (expiresAtMs <= now) return;
    this.entries.set(key, { ...loaded, expiresAtMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private startListening(): void {
    this.listening ??= this.listen(
      AVAILABILITY_CHANNEL,
      (payload) => this.heard(payload),
      () => {
        this.logger.warn({ channel: AVAILABILITY_CHANNEL }, "listening again after a lost connection: cache cleared");
        this.clear();
      },
    ).then(
      (stop) => {
        this.stopListening = stop;
        this.live = true;
      },
      (error: unknown) => {
        // Serve uncached and try again on a later request.
        this.logger.warn({ channel: AVAILABILITY_CHANNEL, kind: error instanceof Error ? error.name : "unknown" }, "cache could not listen");
        this.listening = undefined;
      },
    );
  }
}

/** A kind of cached answer: its name, what it depends on and how much of it to keep. */
export interface CacheKind {
  name: string;
  options: ClinicCacheOptions;
}

const caches = new WeakMap<Listen, Map<string, ClinicCache<unknown>>>();

/** The process's cache of `kind` for this `listen` port (as the calendar feed's hub); none without one. */
export function clinicCacheFor<T>(deps: { listen?: Listen; clock: Clock; logger: Logger; metrics?: Metrics }, kind: CacheKind): ClinicCache<T> | undefined {
  if (!deps.listen) return undefined;
  let byKind = caches.get(deps.listen);
  if (!byKind) {
    byKind = new Map();
    caches.set(deps.listen, byKind);
  }
  let cache = byKind.get(kind.name);
  if (!cache) {
    const metrics = deps.metrics;
    cache = new ClinicCache<unknown>(deps.listen, deps.clock, deps.logger, kind.options, metrics ? (hit) => metrics.cacheLookup(kind.name, hit) : undefined);
    byKind.set(kind.name, cache);
  }
  return cache as ClinicCache<T>;
}

/** Closes every cache on this `listen` port (server shutdown, tests). */
export async function closeClinicCaches(listen: Listen): Promise<void> {
  const byKind = caches.get(listen);
  caches.delete(listen);
  await Promise.all([...(byKind?.values() ?? [])].map((cache) => cache.close()));
}
