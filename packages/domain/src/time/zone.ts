// Wall-clock time in an IANA zone <-> instants: the one implementation in Frontdesk. The browser,
// the server and the scheduling engine all convert through here, so a time typed on a DST day
// lands on the same instant everywhere.
//
// The zone's rules come from Intl (every browser and runtime ships them; Temporal would add tens
// of kilobytes to the booking page, see docs/decisions/0014). One primitive, offsetAt, reads the
// UTC offset Intl reports for an instant; everything else is integer arithmetic on epoch
// milliseconds, property-tested against Temporal's `compatible` disambiguation:
// - a wall time skipped by a spring-forward change resolves to the instant AFTER the gap
//   (02:30 on a 02:00 -> 03:00 night is 03:30, the length of the gap later);
// - a wall time that happens twice on a fall-back night resolves to the EARLIER instant.
// Nothing here reads the process time zone.
import { dayNumberOf, localDateOfDay, MS_PER_DAY, MS_PER_MINUTE, minutesOfTime, type LocalDate } from "./local-date";

const fieldFormatters = new Map<string, Intl.DateTimeFormat>();

function fieldsFormatter(timeZone: string): Intl.DateTimeFormat {
  let found = fieldFormatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    fieldFormatters.set(timeZone, found);
  }
  return found;
}

/** Epoch milliseconds of a proleptic Gregorian date and time read as UTC (years 0..99 stay literal). */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

// en-US with these options prints "3/29/2026 AD, 02:00:00". Reading that string is about three
// times faster than formatToParts, which stays as the fallback for a runtime that prints otherwise.
const FIELDS_PATTERN = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

/** The wall-clock fields a zone shows at a whole-second instant, as if they were UTC. */
function wallMsAt(wholeSecond: number, timeZone: string): number {
  const format = fieldsFormatter(timeZone);
  const match = FIELDS_PATTERN.exec(format.format(wholeSecond));
  if (match) {
    const year = match[4] === "BC" ? 1 - Number(match[3]) : Number(match[3]);
    return utcMs(year, Number(match[1]), Number(match[2]), Number(match[5]), Number(match[6]), Number(match[7]));
  }
  const fields: Record<string, string> = {};
  for (const part of format.formatToParts(wholeSecond)) fields[part.type] = part.value;
  const year = fields.era === "BC" || fields.era === "B" ? 1 - Number(fields.year) : Number(fields.year);
  return utcMs(year, Number(fields.month), Number(fields.day), Number(fields.hour), Number(fields.minute), Number(fields.second));
}

/** Whether Intl knows `timeZone` (an IANA name such as "Europe/Paris", any case). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    fieldsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in milliseconds at an instant (wall clock minus UTC). Throws RangeError for an unknown zone. */
export function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallMsAt(wholeSecond, timeZone) - wholeSecond;
}

/** Where an instant falls on a zone's wall clock: its local date and minutes since that date's midnight. */
export function wallClockOf(instant: string | Date | number, timeZone: string): { date: LocalDate; minutes: number } {
  const epochMs = new Date(instant).getTime();
  const wallMs = epochMs + offsetAt(epochMs, timeZone);
  const day = Math.floor(wallMs / MS_PER_DAY);
  return { date: localDateOfDay(day), minutes: Math.floor((wallMs - day * MS_PER_DAY) / MS_PER_MINUTE) };
}

/** The local calendar date ("YYYY-MM-DD") of an instant in a zone. */
export function localDateOf(instant: string | Date | number, timeZone: string): LocalDate {
  return wallClockOf(instant, timeZone).date;
}

/** Today in a zone (the clinic's calendar decides which days are bookable). */
export function todayIn(timeZone: string, now: Date): LocalDate {
  return localDateOf(now, timeZone);
}

/**
 * The instant at which `timeZone`'s clock shows `time` on `date`, as an ISO string. `time` is
 * minutes after midnight (0..1440, 1440 being the next midnight) or "HH:MM" (up to "24:00").
 * Inside a spring-forward gap: the instant after the gap; in a repeated hour: the earlier instant.
 */
export function instantAt(date: LocalDate, time: number | string, timeZone: string): string {
  const day = dayNumberOf(date);
  // "24:00" ends a day (time off until midnight); it is no time of day, so minutesOfTime refuses it.
  const minutes = typeof time === "number" ? time : time === "24:00" ? 1440 : minutesOfTime(time);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  if (minutes === null) throw new RangeError(`not a time: ${String(time)}`);
  return new Date(createZoneClock(timeZone, day, day).wallTimeToEpochMs(day, minutes)).toISOString();
}

export interface ZoneClock {
  /** Instant of a wall time (minutes after local midnight, 0..1440) on a local day number. */
  wallTimeToEpochMs(dayNumber: number, minuteOfDay: number): number;
  /** Local day number that an instant falls on. */
  localDayOf(epochMs: number): number;
}

// A zone's offset changes, found once per zone and 16-day block of time and kept: the engine
// asks for the same few weeks of the same few zones all day. Offsets change at most a few times
// a year and never twice within a day, so reading the offset once a day finds every change; a
// binary search then places it to the second.
const BLOCK_MS = 16 * MS_PER_DAY;
const MAX_KEPT_BLOCKS = 4096;

interface OffsetBlock {
  /** The offset in force at the block's start. */
  startOffset: number;
  /** Each change inside the block: the instant it takes effect and the new offset. */
  changes: Array<{ at: number; offset: number }>;
}

const offsetBlocks = new Map<string, OffsetBlock>();

function offsetBlock(timeZone: string, index: number): OffsetBlock {
  const key = `${timeZone}|${index}`;
  const kept = offsetBlocks.get(key);
  if (kept) return kept;
  const start = index * BLOCK_MS;
  const end = start + BLOCK_MS;
  const startOffset = offsetAt(start, timeZone);
  const changes: OffsetBlock["changes"] = [];
  let offset = startOffset;
  for (let at = start; at < end; ) {
    const probe = Math.min(at + MS_PER_DAY, end - 1000);
    if (offsetAt(probe, timeZone) === offset) {
      if (probe >= end - 1000) break;
      at = probe;
      continue;
    }
    let before = at;
    let after = probe;
    while (after - before > 1000) {
      const middle = before + Math.floor((after - before) / 2000) * 1000;
      if (offsetAt(middle, timeZone) === offset) before = middle;
      else after = middle;
    }
    offset = offsetAt(after, timeZone);
    changes.push({ at: after, offset });
    at = after;
  }
  if (offsetBlocks.size >= MAX_KEPT_BLOCKS) offsetBlocks.clear();
  const block = { startOffset, changes };
  offsetBlocks.set(key, block);
  return block;
}

/**
 * A clock valid for wall times on local days `firstDay`..`lastDay` (day numbers, see
 * local-date.ts) and the instants they map to: it looks up the zone's offsets and the instants
 * they change once, then converts with integer arithmetic (the scheduling engine converts
 * thousands of wall times per query). Offsets are +-18 h at most, so two days either side of the
 * window cover every case.
 */
export function createZoneClock(timeZone: string, firstDay: number, lastDay: number): ZoneClock {
  const windowStart = (firstDay - 2) * MS_PER_DAY;
  const windowEnd = (lastDay + 3) * MS_PER_DAY;

  // Offset segment i is in force from segmentStarts[i] (inclusive) to segmentStarts[i + 1].
  const firstBlock = Math.floor(windowStart / BLOCK_MS);
  const segmentStarts: number[] = [-Infinity];
  const segmentOffsets: number[] = [offsetBlock(timeZone, firstBlock).startOffset];
  for (let index = firstBlock; index * BLOCK_MS < windowEnd; index++) {
    const block = offsetBlock(timeZone, index);
    // A change exactly at the block's start is only visible as a new start offset.
    if (block.startOffset !== segmentOffsets[segmentOffsets.length - 1]) {
      segmentStarts.push(index * BLOCK_MS);
      segmentOffsets.push(block.startOffset);
    }
    for (const change of block.changes) {
      segmentStarts.push(change.at);
      segmentOffsets.push(change.offset);
    }
  }
  const segmentCount = segmentOffsets.length;

  function offsetOf(epochMs: number): number {
    let i = segmentCount - 1;
    while (epochMs < (segmentStarts[i] ?? -Infinity)) i--;
    return segmentOffsets[i] ?? 0;
  }

  function wallToEpochMs(wallMs: number): number {
    if (segmentCount === 1) return wallMs - (segmentOffsets[0] ?? 0);
    // A wall time maps to every instant t with t + offset(t) = wall: one normally, two in a
    // fall-back overlap (take the earlier), none in a spring-forward gap.
    let earliest = Infinity;
    for (let i = 0; i < segmentCount; i++) {
      const candidate = wallMs - (segmentOffsets[i] ?? 0);
      const start = segmentStarts[i] ?? -Infinity;
      const end = segmentStarts[i + 1] ?? Infinity;
      if (candidate >= start && candidate < end && candidate < earliest) earliest = candidate;
    }
    if (earliest !== Infinity) return earliest;
    // In a gap: read the wall time with the offset from before the jump, which moves it forward
    // by the gap's length (RFC 5545 and Temporal `compatible` do the same).
    for (let i = 1; i < segmentCount; i++) {
      const change = segmentStarts[i] ?? 0;
      const before = segmentOffsets[i - 1] ?? 0;
      const after = segmentOffsets[i] ?? 0;
      if (wallMs >= change + before && wallMs < change + after) return wallMs - before;
    }
    throw new RangeError(`wall time ${wallMs} is outside the zone clock's window`);
  }

  return {
    wallTimeToEpochMs: (dayNumber, minuteOfDay) => wallToEpochMs(dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE),
    localDayOf: (epochMs) => Math.floor((epochMs + offsetOf(epochMs)) / MS_PER_DAY),
  };
}
