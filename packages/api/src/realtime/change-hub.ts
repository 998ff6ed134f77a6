// One LISTEN per server process, fanned out to the open calendar feeds of each clinic.
import { appointmentEventKind, type AppointmentEventKind } from "@frontdesk/db/schema";
import { z } from "zod";
import type { Listen, Logger } from "../ports";

/** The channel the `appointment_events` insert trigger notifies (migration 0006). */
export const APPOINTMENT_EVENTS_CHANNEL = "appointment_events";

/** What the trigger sends: ids and kind only, never patient data. */
export interface AppointmentChange {
  id: number;
  clinicId: string;
  appointmentId: string;
  practitionerId: string;
  kind: AppointmentEventKind;
}

const notification = z.object({
  id: z.number().int().positive(),
  clinicId: z.uuid(),
  appointmentId: z.uuid(),
  practitionerId: z.uuid(),
  kind: z.enum(appointmentEventKind.enumValues),
});

/** A subscriber that falls this far behind re-reads from the table instead of queueing more. */
const MAX_QUEUED = 1000;

/** What a feed waits for next: changes, "re-read the table" (missed notifications), nothing for a while, or the end. */
export type Delivery = { changes: AppointmentChange[] } | { resync: true } | { idle: true } | { closed: true };

export class FeedSubscription {
  private queue: AppointmentChange[] = [];
  private resync = false;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(private readonly detach: () => void) {}

  push(change: AppointmentChange): void {
    if (this.queue.length >= MAX_QUEUED) {
      this.queue = [];
      this.resync = true;
    } else if (!this.resync) {
      this.queue.push(change);
    }
    this.wake?.();
  }

  markResync(): void {
    this.queue = [];
    this.resync = true;
    this.wake?.();
  }

  /** Waits until something arrives, the signal aborts, or `timeoutMs` passes (then: idle). */
  async next(signal: AbortSignal | undefined, timeoutMs: number): Promise<Delivery> {
    let timedOut = false;
    if (!this.closed && !signal?.aborted && !this.resync && this.queue.length === 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(() => {
          timedOut = true;
          done();
        }, timeoutMs);
        signal?.addEventListener("abort", done, { once: true });
        this.wake = done;
      });
    }
    if (this.closed || signal?.aborted) return { closed: true };
    if (this.resync) {
      this.resync = false;
      this.queue = [];
      return { resync: true };
    }
    if (timedOut && this.queue.length === 0) return { idle: true };
    const changes = this.queue;
    this.queue = [];
    return { changes };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    this.wake?.();
  }
}

export class ChangeHub {
  private readonly byClinic = new Map<string, Set<FeedSubscription>>();
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly listen: Listen,
    private readonly logger: Logger,
  ) {}

  /** Resolves once this process is listening, so nothing committed after it can be missed. */
  async subscribe(clinicId: string): Promise<FeedSubscription> {
    await this.start();
    const subscription = new FeedSubscription(() => {
      const set = this.byClinic.get(clinicId);
      set?.delete(subscription);
      if (set?.size === 0) this.byClinic.delete(clinicId);
    });
    const set = this.byClinic.get(clinicId) ?? new Set();
    set.add(subscription);
    this.byClinic.set(clinicId, set);
    return subscription;
  }

  subscriberCount(clinicId: string): number {
    return this.byClinic.get(clinicId)?.size ?? 0;
  }

  async close(): Promise<void> {
    for (const set of this.byClinic.values()) for (const subscription of [...set]) subscription.close();
    const listening = this.listening;
    this.listening = undefined;
    if (listening) await (await listening)();
  }

  private start(): Promise<() => Promise<void>> {
    this.listening ??= this.listen(
      APPOINTMENT_EVENTS_CHANNEL,
      (payload) => this.dispatch(payload),
      () => this.resyncAll(),
    ).catch((error: unknown) => {
      // Let the next subscriber try again rather than caching the failure.
      this.listening = undefined;
      throw error;
    });
    return this.listening;
  }

  private dispatch(payload: string): void {
    let parsed: AppointmentChange;
    try {
      parsed = notification.parse(JSON.parse(payload));
    } catch {
      this.logger.warn({ channel: APPOINTMENT_EVENTS_CHANNEL }, "ignored a malformed notification");
      return;
    }
    for (const subscription of this.byClinic.get(parsed.clinicId) ?? []) subscription.push(parsed);
  }

  private resyncAll(): void {
    this.logger.warn({ channel: APPOINTMENT_EVENTS_CHANNEL }, "listening again after a lost connection: feeds re-read the table");
    for (const set of this.byClinic.values()) for (const subscription of set) subscription.markResync();
  }
}

const hubs = new WeakMap<Listen, ChangeHub>();

/** The process's hub for this `listen` port (deps objects may be copied; the port is the identity). */
export function hubFor(listen: Listen, logger: Logger): ChangeHub {
  let hub = hubs.get(listen);
  if (!hub) {
    hub = new ChangeHub(listen, logger);
    hubs.set(listen, hub);
  }
  return hub;
}

/** A `Listen` port over a postgres.js client (`createDb(...).client`): a dedicated connection it reconnects itself. */
export function listenWith(client: {
  listen(channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<{ unlisten(): Promise<void> }>;
}): Listen {
  return async (channel, onMessage, onReconnect) => {
    let connected = false;
    const listening = await client.listen(channel, onMessage, () => {
      if (connected) onReconnect?.();
      connected = true;
    });
    return () => listening.unlisten();
  };
}
