// New hours free times too (ADR 0048): when a practitioner's week gains hours, extra hours are
// added, or time off is removed, no appointment changed, so notifyAppointmentChange never hears of
// it. The schedule handlers call enqueueNewHours in their own transaction instead; the job below
// finds the times that became bookable and hands each one to stepFreedTime, the one place that
// offers a free time (so expiry, claims and "it is gone" work exactly as for a cancellation).
import { withTenant, type Transaction } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { addDays, instantAt, isoWeekday, localDateOf, minutesOfTime, todayIn, type WeeklyInterval } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { findSlots } from "../booking/availability";
import { enqueueJob } from "../jobs/queue";
import { defineTask } from "../jobs/task";
import { waitlistEnabled } from "./enabled";
import { stepFreedTime, suits, waitingFor } from "./offer-task";
import { WAITLIST_HOURS_TASK } from "./task-names";

/** At most this many new times are offered per change: one change of the week must not mail the whole list at once. */
export const MAX_TIMES_PER_CHANGE = 50;

const minutes = (time: string) => (time === "24:00" ? 1440 : minutesOfTime(time)!);
const hhmm = (m: number) => (m === 1440 ? "24:00" : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);

/** The parts of `after` that `before` did not have, weekday by weekday (a week that only shrank gives none). */
export function addedIntervals(before: readonly WeeklyInterval[], after: readonly WeeklyInterval[]): WeeklyInterval[] {
  const added: WeeklyInterval[] = [];
  for (const interval of after) {
    let pieces = [[minutes(interval.start), minutes(interval.end)] as [number, number]];
    for (const old of before) {
      if (old.weekday !== interval.weekday) continue;
      const [from, to] = [minutes(old.start), minutes(old.end)];
      pieces = pieces.flatMap(([s, e]): Array<[number, number]> => (to <= s || from >= e ? [[s, e]] : ([[s, from], [to, e]] as Array<[number, number]>).filter(([a, b]) => a < b)));
    }
    for (const [s, e] of pieces) added.push({ weekday: interval.weekday, start: hhmm(s), end: hhmm(e) });
  }
  return added;
}

export type NewHours = { practitionerId: string; weekly: WeeklyInterval[] } | { practitionerId: string; from: Date; to: Date };

/** Asks the worker to offer the times these hours free; in the caller's transaction (a rollback asks nothing). */
export async function enqueueNewHours(tx: Transaction, hours: NewHours): Promise<void> {
  if ("weekly" in hours && hours.weekly.length === 0) return;
  await enqueueJob(tx, {
    task: WAITLIST_HOURS_TASK,
    payload: "weekly" in hours ? { practitionerId: hours.practitionerId, weekly: hours.weekly } : { practitionerId: hours.practitionerId, from: hours.from.toISOString(), to: hours.to.toISOString() },
  });
}

const hoursPayload = z.object({
  clinicId: z.uuid(),
  practitionerId: z.uuid(),
  weekly: z.array(z.object({ weekday: z.number().int().min(1).max(7), start: z.string(), end: z.string() })).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});

type Window = { from: number; to: number };

/** The new hours as instants from `firstDate` to `lastDate` (local dates), in the clinic's zone. */
function windowsOf(job: z.infer<typeof hoursPayload>, timeZone: string, firstDate: string, lastDate: string): Window[] {
  if (job.from && job.to) return [{ from: Date.parse(job.from), to: Date.parse(job.to) }];
  const windows: Window[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    for (const i of job.weekly ?? []) {
      if (i.weekday === weekday) windows.push({ from: Date.parse(instantAt(date, i.start, timeZone)), to: Date.parse(instantAt(date, i.end, timeZone)) });
    }
  }
  return windows;
}

export const waitlistHoursTask = defineTask({
  name: WAITLIST_HOURS_TASK,
  payload: hoursPayload,
  run: (job, deps) =>
    withTenant(deps.db, { clinicId: job.clinicId, userId: null, role: "system" }, async (tx) => {
      if (!(await waitlistEnabled(tx, job.clinicId))) return;
      const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, job.clinicId));
      if (!clinic) return;
      const entries = await waitingFor(tx, clinic, job.practitionerId);
      if (entries.length === 0) return;

      const now = deps.clock.now();
      const today = todayIn(clinic.timezone, now);
      const firstDate = entries.reduce((min, e) => (e.fromDate < min ? e.fromDate : min), entries[0]!.fromDate);
      const lastWanted = entries.reduce((max, e) => (e.toDate > max ? e.toDate : max), entries[0]!.toDate);
      const horizon = addDays(today, clinic.horizonDays);
      const lastDate = lastWanted < horizon ? lastWanted : horizon;
      // A time already past is no use to anyone.
      const windows = windowsOf(job, clinic.timezone, firstDate > today ? firstDate : today, lastDate)
        .map((w) => ({ from: Math.max(w.from, now.getTime()), to: w.to }))
        .filter((w) => w.from < w.to);
      if (windows.length === 0) return;
      const from = localDateOf(Math.min(...windows.map((w) => w.from)), clinic.timezone);
      const to = localDateOf(Math.max(...windows.map((w) => w.to)) - 1, clinic.timezone);

      // The engine's times for each wanted service that reach into the new hours: only those were not bookable before.
      const timesFor = new Map<string, Window[]>();
      for (const { service } of entries) {
        if (timesFor.has(service.id)) continue;
        const days = await findSlots(tx, { clinic, service, practitionerIds: [job.practitionerId], from, to, now });
        const times = days.flatMap((d) => d.slots.map((s) => ({ from: Date.parse(s.start), to: Date.parse(s.end) })));
        timesFor.set(service.id, times.filter((t) => t.from >= now.getTime() && windows.some((w) => t.from < w.to && t.to > w.from)));
      }

      // In the list's order, each patient's first new time that suits them and no earlier patient was offered.
      const offeredTimes: Window[] = [];
      const served = new Set<string>();
      for (const entry of entries) {
        if (served.has(entry.entryId)) continue;
        const time = timesFor.get(entry.service.id)!.find((t) => suits(entry, new Date(t.from), clinic.timezone) && !offeredTimes.some((o) => t.from < o.to && t.to > o.from));
        if (!time) continue;
        offeredTimes.push(time);
        for (const id of await stepFreedTime(tx, deps, job.clinicId, job.practitionerId, new Date(time.from), served)) served.add(id);
        if (offeredTimes.length >= MAX_TIMES_PER_CHANGE) break;
      }
    }),
});
