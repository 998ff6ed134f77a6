// The next free times over a long range (the staff finder): computeSlots in windows, earliest
// first, filtered by local time of day, stopping as soon as enough are found. Pure, like the
// engine: the answer depends only on the query.
import { createZoneClock, dayNumberOf, localDateOfDay } from "@frontdesk/domain";
import { computeSlots } from "./compute";
import { SchedulingInputError } from "./errors";
import type { SlotDay, SlotQuery } from "./types";

/** Days per engine call: short enough that "next available" tomorrow costs one small call. */
const WINDOW_DAYS = 14;
/** The longest range the finder searches (a year and a day). */
export const MAX_FREE_TIME_DAYS = 366;

export interface FreeTimeQuery extends SlotQuery {
  /** Stop after this many times. */
  limit: number;
  /** Local start times kept, minutes after midnight: `from` inclusive, `to` exclusive. */
  startMinutes?: { from: number; to: number };
}

export type FreeTime = SlotDay["slots"][number];

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
  const found: FreeTime[] = [];
  for (let windowStart = fromDay; windowStart <= toDay && found.length < query.limit; windowStart += WINDOW_DAYS) {
    const windowEnd = Math.min(windowStart + WINDOW_DAYS - 1, toDay);
    const days = computeSlots({ ...query, from: localDateOfDay(windowStart), to: localDateOfDay(windowEnd) });
    for (const [offset, day] of days.entries()) {
      let lo = Number.NEGATIVE_INFINITY;
      let hi = Number.POSITIVE_INFINITY;
      if (clock && query.startMinutes) {
        lo = clock.wallTimeToEpochMs(windowStart + offset, query.startMinutes.from);
        hi = clock.wallTimeToEpochMs(windowStart + offset, query.startMinutes.to);
      }
      for (const slot of day.slots) {
        const start = Date.parse(slot.start);
        if (start < lo || start >= hi) continue;
        found.push(slot);
        if (found.length >= query.limit) return found;
      }
    }
  }
  return found;
}

