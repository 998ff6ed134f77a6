// What each server process keeps in memory for the public pages (cache/clinic-cache.ts), shared
// by the public procedures and by the handler's fast path (cached-reads.ts), which answers
// public.slots before the framework runs. Neither side imports the other.
import type { slotsInput } from "@frontdesk/domain";
import type { ServerDeps } from "../ports";
import type { z } from "zod";
import { clinicCacheFor, type CacheKind } from "./clinic-cache";

// A clinic's row, dropped when the row changes; and free times, dropped when anything they are
// computed from changes.
export const CLINICS: CacheKind = { name: "clinic by slug", options: { dependsOn: ["clinics"], maxEntries: 1000, maxAgeMs: 60_000 } };
export const SLOTS: CacheKind = {
  name: "public.slots",
  options: {
    dependsOn: ["appointments", "working_hours", "schedule_exceptions", "services", "practitioners", "practitioner_services", "clinics"],
    // About 100 kB in memory for a month of 15-minute times: at most about 20 MB per process.
    maxEntries: 200,
    maxAgeMs: 30_000,
  },
};

/** Nothing about this answer expires on its own; the cache's own age limit applies. */
export const NO_EXPIRY = new Date(8.64e15);

/**
 * The free times as patients see them: per local day, the instants an appointment may start
 * (each lasts `durationMinutes`). Who is free then stays on the server, since the booking picks
 * the practitioner; that keeps a month of 15-minute times small (about 35 kB for 1500 times).
 */
export interface PublicSlots {
  timezone: string;
  durationMinutes: number;
  days: Array<{ date: string; starts: string[] }>;
}

/** A cached public.slots answer with its JSON, made once per load for handler.ts's cached reads. */
export interface SlotsAnswer {
  slots: PublicSlots;
  json: string;
}

export type SlotsInput = z.output<typeof slotsInput>;

export const slotsKey = (input: SlotsInput) => [input.clinicSlug, input.serviceId, input.practitionerId ?? "", input.from, input.to].join("|");

/** The JSON of the public.slots answer for `input` if this process holds a fresh one; never loads. */
export function cachedSlotsJson(deps: ServerDeps, input: SlotsInput): string | undefined {
  return clinicCacheFor<SlotsAnswer>(deps, SLOTS)?.peek(slotsKey(input))?.json;
}
