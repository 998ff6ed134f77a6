// The next free times over a long range (the staff finder): computeSlots in windows, earliest
// first, filtered by local time of day (by the engine, from `startMinutes`), stopping as soon as enough are found. Pure, like the
// engine: the answer depends only on the query.
import { createZoneClock, dayNumberOf, localDateOfDay } from "@frontdesk/domain";
import { computeSlots } from "./compute";
import { SchedulingInputError } from "./errors";
import { parseInstant } from "./instants";
import type { SlotDay, SlotQuery } from "./types";
import { MAX_QUERY_DAYS } from "./validate";

/** Days of the first engine call: "next available" this week costs one small call. */
const FIRST_WINDOW_DAYS = 7;
/** Days of each later call: the engine's longest, so that the days read either side of each window stay few. */
const WINDOW_DAYS = MAX_QUERY_DAYS;
/** The longest range the finder searches (a year and a day). */
export const MAX_FREE_TIME_DAYS = 366;

export interface FreeTimeQuery extends SlotQuery {
  /** Stop after this many times. */
  limit: number;
}

export type FreeTime = SlotDay["slots"][number];

const isDatePrefix = (text: string) => typeof text === "string" && text.length >= 10 && text[4] === "-" && text[7] === "-";

/**
 * Whether an interval may touch local dates `lo` up to, not including, `end`: ISO strings compare
 * as their dates do ("2026-03-10T08:00Z" >= "2026-03-10" > "2026-03-09T23:00Z"), so nothing is
 * parsed or copied. An interval without a date in front is kept, for the engine to refuse by name.
 */
function isNear(interval: { start: string; end: string }, lo: string, end: string): boolean {
  if (!isDatePrefix(interval.start) || !isDatePrefix(interval.end)) return true;
  return interval.end >= lo && interval.start < end;
}

/** Minutes after midnight of a well-formed "HH:MM" ("24:00" ends a day), else null. */
const minutesOf = (time: unknown) => (typeof time === "string" && /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) : null);

/**
 * Whether a practitioner may have a start time in local `startMinutes` anywhere in the window: a
 * weekly interval that reaches into it, or extra hours near it (instants, so kept whatever they
 * say). One who has neither is left out of the engine call: they would add only times the filter
 * drops, and computing them was the worst case's whole cost ("after 19:00" for a 08:00-18:00 team).
 * Whole practitioners only: the engine's grid follows each day's hours, so an interval is never cut.
 * Hours that are not well formed keep the practitioner, for the engine to refuse by name.
 */
function mayStartWithin(practitioner: SlotQuery["practitioners"][number], startMinutes: { from: number; to: number }, window: { startMs: number; endMs: number }): boolean {
  if (!Array.isArray(practitioner.weeklyHours) || !Array.isArray(practitioner.exceptions)) return true;
  // Extra hours on the window's own days (the exceptions were chosen with a margin of days either side).
  const extraWithin = (e: { kind: string; start: string; end: string }) => {
    if (e.kind === "unavailable") return false;
    const start = parseInstant(e.start);
    const end = parseInstant(e.end);
    return start === null || end === null || (end > window.startMs && start < window.endMs);
  };
  if (practitioner.exceptions.some(extraWithin)) return true;
  return practitioner.weeklyHours.some((h) => {
    const start = minutesOf(h?.start);
    const end = minutesOf(h?.end);
    return start === null || end === null || (start < startMinutes.to && end > startMinutes.from);
  });
}

/**
 * The first `limit` free start times from `from` to `to` (local dates, inclusive, at most
 * MAX_FREE_TIME_DAYS apart), whose local start time lies in `startMinutes` when given.
 * @throws SchedulingInputError when the query is malformed.
 */
export function findFreeTimes(query: FreeTimeQuery): FreeTime[] {
  const fromDay = dayNumberOf(query.from);
  const toDay = dayNumberOf(query.to);
  if (fromDay === null) throw new SchedulingInputError("from", `must be a date YYYY-MM-DD, got ${JSON.stringify(query.from)}`);
  if (toDay === null || toDay < fromDay) throw new SchedulingInputError("to", `must be a date on or after from (${query.from})`);
  if (toDay - fromDay > MAX_FREE_TIME_DAYS) throw new SchedulingInputError("to", `must be at most ${MAX_FREE_TIME_DAYS} days after from`);
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new SchedulingInputError("limit", "must be a positive integer");

  // Wall-clock bounds are converted per day with the zone clock, so a DST day keeps 07:30 at 07:30.
  const clock = query.startMinutes ? createZoneClock(query.timezone, fromDay, toDay + 1) : null;
  // Each engine call gets only the busy times and exceptions near its window: the engine parses
  // every interval it is given (most of its cost), so passing all of them to every call would
  // parse the whole range again per window. Nearness is read from the date at the front of each
  // ISO string, without parsing it; a string that has none is passed on for the engine to refuse.
  const found: FreeTime[] = [];
  for (let windowStart = fromDay, size = FIRST_WINDOW_DAYS; windowStart <= toDay && found.length < query.limit; windowStart += size, size = WINDOW_DAYS) {
    const windowEnd = Math.min(windowStart + size - 1, toDay);
    // The engine reads a day either side of the window; an offset or a slot past midnight adds at most one more.
    const lo = localDateOfDay(windowStart - 2);
    const end = localDateOfDay(windowEnd + 4);
    const near = query.practitioners.map((p) => ({ ...p, busy: p.busy.filter((i) => isNear(i, lo, end)), exceptions: p.exceptions.filter((i) => isNear(i, lo, end)) }));
    const window = clock ? { startMs: clock.wallTimeToEpochMs(windowStart, 0), endMs: clock.wallTimeToEpochMs(windowEnd + 1, 0) } : null;
    const practitioners = query.startMinutes && window ? near.filter((p) => mayStartWithin(p, query.startMinutes!, window)) : near;
    if (practitioners.length === 0) continue;
    const days = computeSlots({ ...query, practitioners, from: localDateOfDay(windowStart), to: localDateOfDay(windowEnd) });
    // The engine keeps only starts in the time-of-day range itself (one place for the slot rules).
    for (const day of days) {
      for (const slot of day.slots) {
        found.push(slot);
        if (found.length >= query.limit) return found;
      }
    }
  }
  return found;
}

