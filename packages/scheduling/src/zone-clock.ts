// Conversions between wall-clock time in one IANA zone and instants, for a bounded window.
//
// Temporal (polyfilled) is the source of truth for the zone's rules, but asking it for every wall
// time is slow. Instead we ask it once per query for the UTC offsets in force across the window
// and the instants where they change; after that each conversion is integer arithmetic on epoch
// milliseconds, with results identical to Temporal's `compatible` disambiguation.
import { Temporal } from "temporal-polyfill";
import { MS_PER_DAY, MS_PER_MINUTE } from "./time-units";

export interface ZoneClock {
  /** Instant of a wall time (minutes after local midnight, 0..1440) on a local day number. */
  wallTimeToEpochMs(dayNumber: number, minuteOfDay: number): number;
  /** Local day number that an instant falls on. */
  localDayOf(epochMs: number): number;
}

/** Throws RangeError for a zone Temporal does not know. */
export function assertKnownTimeZone(timeZone: string): void {
  Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
}

export function localDayOfInstant(epochMs: number, timeZone: string): number {
  const local = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  return Math.round(local.toPlainDate().toZonedDateTime("UTC").epochMilliseconds / MS_PER_DAY);
}

/**
 * Builds a clock valid for wall times on local days `firstDay`..`lastDay` and the instants they
 * map to. Offsets are ±18 h at most, so a margin of two days on each side covers every candidate.
 */
export function createZoneClock(timeZone: string, firstDay: number, lastDay: number): ZoneClock {
  const windowStart = (firstDay - 2) * MS_PER_DAY;
  const windowEnd = (lastDay + 3) * MS_PER_DAY;

  // Offset segment i is in force from segmentStarts[i] (inclusive) to segmentStarts[i + 1].
  const segmentStarts: number[] = [-Infinity];
  let cursor = Temporal.Instant.fromEpochMilliseconds(windowStart).toZonedDateTimeISO(timeZone);
  const segmentOffsets: number[] = [cursor.offsetNanoseconds / 1e6];
  for (;;) {
    const transition = cursor.getTimeZoneTransition("next");
    if (transition === null || transition.epochMilliseconds >= windowEnd) break;
    segmentStarts.push(transition.epochMilliseconds);
    segmentOffsets.push(transition.offsetNanoseconds / 1e6);
    cursor = transition;
  }
  const segmentCount = segmentOffsets.length;

  function offsetAt(epochMs: number): number {
    let i = segmentCount - 1;
    while (epochMs < (segmentStarts[i] ?? -Infinity)) i--;
    return segmentOffsets[i] ?? 0;
  }

  function wallToEpochMs(wallMs: number): number {
    if (segmentCount === 1) return wallMs - (segmentOffsets[0] ?? 0);
    // A wall time maps to every instant t with t + offsetAt(t) = wall: one normally, two in a
    // fall-back overlap (take the earlier, as `compatible` does), none in a spring-forward gap.
    let earliest = Infinity;
    for (let i = 0; i < segmentCount; i++) {
      const candidate = wallMs - (segmentOffsets[i] ?? 0);
      const start = segmentStarts[i] ?? -Infinity;
      const end = segmentStarts[i + 1] ?? Infinity;
      if (candidate >= start && candidate < end && candidate < earliest) earliest = candidate;
    }
    if (earliest !== Infinity) return earliest;
    // In a gap: read the wall time with the offset from before the jump, which moves it forward
    // by the gap's length (RFC 5545 and Temporal `compatible`).
    for (let i = 1; i < segmentCount; i++) {
      const transition = segmentStarts[i] ?? 0;
      const before = segmentOffsets[i - 1] ?? 0;
      const after = segmentOffsets[i] ?? 0;
      if (wallMs >= transition + before && wallMs < transition + after) return wallMs - before;
    }
    throw new Error(`wall time ${wallMs} is outside the zone clock's window`);
  }

  return {
    wallTimeToEpochMs: (dayNumber, minuteOfDay) =>
      wallToEpochMs(dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE),
    localDayOf: (epochMs) => Math.floor((epochMs + offsetAt(epochMs)) / MS_PER_DAY),
  };
}
