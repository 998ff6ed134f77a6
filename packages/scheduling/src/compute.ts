import { createZoneClock, isoWeekdayOfDay, localDateOfDay, MS_PER_DAY, type ZoneClock } from "@frontdesk/domain";
import { createInstantFormatter } from "./instants";
import { clipIntervals, normalizeIntervals, subtractIntervals, type Interval } from "./intervals";
import type { SlotDay, SlotQuery } from "./types";
import { normalizeSlotQuery, type NormalizedPractitioner, type NormalizedQuery } from "./validate";

/**
 * Bookable slots for each local date from `query.from` to `query.to`, in the clinic's zone.
 * Pure: the answer depends only on `query` (no clock, no process time zone).
 * @throws SchedulingInputError when the query is malformed.
 */
export function computeSlots(query: SlotQuery): SlotDay[] {
  const q = normalizeSlotQuery(query);
  const days: SlotDay[] = [];
  for (let day = q.fromDay; day <= q.toDay; day++) days.push({ date: localDateOfDay(day), slots: [] });

  // Days past the horizon stay listed, empty; no need to compute them.
  const lastListedDay = Math.min(q.toDay, q.lastBookableDay);
  if (lastListedDay < q.fromDay || q.practitioners.length === 0) return days;

  const window = availabilityWindow(q, lastListedDay);
  const clock = createZoneClock(q.timeZone, window.firstDay, window.lastDay);
  const windowStart = clock.wallTimeToEpochMs(window.firstDay, 0);
  const windowEnd = clock.wallTimeToEpochMs(lastListedDay + 1, 0) + q.durationMs;
  const earliestStart = q.nowMs + q.minNoticeMs;
  const allowedStarts = allowedStartsOf(q, clock, window);

  // Start instant → ids of everyone free for [start, start + duration). Practitioners are visited
  // in the order given, so each list comes out in that order.
  const practitionersByStart = new Map<number, string[]>();
  for (const practitioner of q.practitioners) {
    const availability = availabilityOf(practitioner, clock, window, windowStart, windowEnd);
    forEachFreeStart(availability, normalizeIntervals(practitioner.busy), q, earliestStart, allowedStarts, (start) => {
      const ids = practitionersByStart.get(start);
      if (ids === undefined) practitionersByStart.set(start, [practitioner.id]);
      else ids.push(practitioner.id);
    });
  }

  const formatInstant = createInstantFormatter();
  const starts = Float64Array.from(practitionersByStart.keys()).sort();
  for (const start of starts) {
    // A slot belongs to the local date of its start, whatever date it ends on.
    const day = clock.localDayOf(start);
    if (day < q.fromDay || day > lastListedDay) continue;
    days[day - q.fromDay]?.slots.push({
      start: formatInstant(start),
      end: formatInstant(start + q.durationMs),
      practitionerIds: practitionersByStart.get(start) ?? [],
    });
  }
  return days;
}

interface AvailabilityWindow {
  /** First local day whose working hours are read. */
  firstDay: number;
  /** Last local day whose working hours are read. */
  lastDay: number;
}

/**
 * Which local days' working hours can affect the answer. The day before `from` is included so an
 * interval running across midnight into `from` keeps its real start (and so its step grid); days
 * after the last listed one are included so a slot starting late can end on a later day.
 */
function availabilityWindow(q: NormalizedQuery, lastListedDay: number): AvailabilityWindow {
  return { firstDay: q.fromDay - 1, lastDay: lastListedDay + 1 + Math.ceil(q.durationMs / MS_PER_DAY) };
}

/**
 * The practitioner's availability intervals (the maximal pieces of the set), cut to the window.
 * Availability running without a break from before the window is treated as starting at the
 * window's start, so the answer never depends on how far back we could look.
 */
function availabilityOf(
  practitioner: NormalizedPractitioner,
  clock: ZoneClock,
  window: AvailabilityWindow,
  windowStart: number,
  windowEnd: number,
): Interval[] {
  const open: Interval[] = [...practitioner.availableExceptions];
  for (let day = window.firstDay; day <= window.lastDay; day++) {
    for (const hours of practitioner.workingMinutesByWeekday[isoWeekdayOfDay(day)] ?? []) {
      // Converted once per practitioner per day; `compatible` resolves gaps and overlaps.
      open.push({
        start: clock.wallTimeToEpochMs(day, hours.startMinute),
        end: clock.wallTimeToEpochMs(day, hours.endMinute),
      });
    }
  }
  const merged = clipIntervals(normalizeIntervals(open), windowStart, windowEnd);
  return subtractIntervals(merged, normalizeIntervals(practitioner.unavailableExceptions));
}

/**
 * The instants a slot may start in: each read day's local `startMinutes` range, converted with
 * the zone clock (so a DST day keeps 17:45 at 17:45), or the whole time line without a range.
 */
function allowedStartsOf(q: NormalizedQuery, clock: ZoneClock, window: AvailabilityWindow): Interval[] {
  if (q.startMinutes === null) return [{ start: -Infinity, end: Infinity }];
  const allowed: Interval[] = [];
  for (let day = window.firstDay; day <= window.lastDay; day++) {
    allowed.push({ start: clock.wallTimeToEpochMs(day, q.startMinutes.from), end: clock.wallTimeToEpochMs(day, q.startMinutes.to) });
  }
  return allowed;
}

/**
 * Calls `offer` with each start on the step grid of an availability interval whose slot fits in
 * that interval, lies in an allowed range, respects the minimum notice, and whose buffered span
 * overlaps no busy interval. Starts arrive in increasing order, which lets one cursor walk the
 * sorted busy list and another the sorted allowed ranges.
 */
function forEachFreeStart(
  availability: readonly Interval[],
  busy: readonly Interval[],
  q: NormalizedQuery,
  earliestStart: number,
  allowed: readonly Interval[],
  offer: (start: number) => void,
): void {
  const { stepMs, durationMs, bufferBeforeMs, bufferAfterMs } = q;
  let nextBusy = 0;
  let nextAllowed = 0;
  for (const { start: anchor, end: intervalEnd } of availability) {
    // The grid stays anchored on the interval's start; notice and the allowed ranges only skip grid points.
    let step = anchor >= earliestStart ? 0 : Math.ceil((earliestStart - anchor) / stepMs);
    while (nextAllowed < allowed.length && allowed[nextAllowed]!.end <= anchor) nextAllowed++;
    for (let range = nextAllowed; range < allowed.length && allowed[range]!.start + durationMs <= intervalEnd; range++) {
      const { start: rangeStart, end: rangeEnd } = allowed[range]!;
      if (rangeStart > anchor) step = Math.max(step, Math.ceil((rangeStart - anchor) / stepMs));
      for (let start = anchor + step * stepMs; start < rangeEnd && start + durationMs <= intervalEnd; start = anchor + step * stepMs) {
        const blockedFrom = start - bufferBeforeMs;
        const blockedUntil = start + durationMs + bufferAfterMs;
        while (nextBusy < busy.length && (busy[nextBusy]?.end ?? Infinity) <= blockedFrom) nextBusy++;
        const conflict = busy[nextBusy];
        if (conflict !== undefined && conflict.start < blockedUntil) {
          // Jump to the first grid point whose leading buffer clears this busy interval.
          step = Math.max(step + 1, Math.ceil((conflict.end + bufferBeforeMs - anchor) / stepMs));
          continue;
        }
        offer(start);
        step++;
      }
    }
  }
}
