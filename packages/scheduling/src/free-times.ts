// The next free times over a long range (the staff finder): computeSlots in windows, earliest
// first, filtered by local time of day, stopping as soon as enough are found. Pure, like the
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
  /** Local start times kept, minutes after midnight: `from` inclusive, `to` exclusive. */
  startMinutes?: { from: number; to: number };
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
  const clock = query.startMinutes ? createZoneClock(query.timezone, fromDay, toDay) : null;
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
    const practitioners = query.practitioners.map((p) => ({ ...p, busy: p.busy.filter((i) => isNear(i, lo, end)), exceptions: p.exceptions.filter((i) => isNear(i, lo, end)) }));
    const days = computeSlots({ ...query, practitioners, from: localDateOfDay(windowStart), to: localDateOfDay(windowEnd) });
    for (const [offset, day] of days.entries()) {
      let earliest = Number.NEGATIVE_INFINITY;
      let latest = Number.POSITIVE_INFINITY;
      if (clock && query.startMinutes) {
        earliest = clock.wallTimeToEpochMs(windowStart + offset, query.startMinutes.from);
        latest = clock.wallTimeToEpochMs(windowStart + offset, query.startMinutes.to);
      }
      for (const slot of day.slots) {
        const start = parseInstant(slot.start) ?? Number.NaN;
        if (start < earliest || start >= latest) continue;
        found.push(slot);
        if (found.length >= query.limit) return found;
      }
    }
  }
  return found;
}

