// Property tests: computeSlots against a slow reference that works minute by minute, straight
// from the rules in issue #3, with Temporal doing every zone conversion it needs.
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { computeSlots } from "./index";
import type { SlotDay, SlotQuery } from "./types";

// The zones named in issue #3 with the local dates of their 2026 transitions (see dst.test.ts);
// Kolkata has none, so it gets ordinary dates. Ranges start up to three days before these.
const ZONE_DATES: Array<[zone: string, date: string]> = [
  ["Europe/Paris", "2026-03-29"],
  ["Europe/Paris", "2026-10-25"],
  ["America/New_York", "2026-03-08"],
  ["America/New_York", "2026-11-01"],
  ["America/Santiago", "2026-04-04"],
  ["America/Santiago", "2026-09-06"],
  ["Australia/Lord_Howe", "2026-04-05"],
  ["Australia/Lord_Howe", "2026-10-04"],
  ["Asia/Kolkata", "2026-03-29"],
  ["America/St_Johns", "2026-03-08"],
  ["America/St_Johns", "2026-11-01"],
  ["Pacific/Chatham", "2026-04-05"],
  ["Pacific/Chatham", "2026-09-27"],
];

const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// The reference. Availability, busy time and exceptions are sets of whole minutes (every instant
// the generators produce is on a minute), so "inside", "overlaps" and "touching" are set checks.

function referenceSlots(query: SlotQuery): SlotDay[] {
  const zone = query.timezone;
  const from = Temporal.PlainDate.from(query.from);
  const to = Temporal.PlainDate.from(query.to);
  const now = Temporal.Instant.from(query.now);
  const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes } = query.service;
  const { slotStepMinutes, minNoticeMinutes, horizonDays } = query.rules;

  const lastBookableDate = now.toZonedDateTimeISO(zone).toPlainDate().add({ days: horizonDays });
  const lastListedDate = Temporal.PlainDate.compare(to, lastBookableDate) < 0 ? to : lastBookableDate;
  const earliestStartMinute = Math.ceil((now.epochMilliseconds + minNoticeMinutes * MINUTE) / MINUTE);

  // The engine reads working hours from the day before `from` and cuts availability there.
  const firstWorkingDate = from.subtract({ days: 1 });
  const lastWorkingDate = lastListedDate.add({ days: 1 + Math.ceil(durationMinutes / 1440) });
  const windowStartMinute = minuteOf(firstWorkingDate.toZonedDateTime(zone).toInstant());
  const windowEndMinute = minuteOf(lastListedDate.add({ days: 1 }).toZonedDateTime(zone).toInstant()) + durationMinutes;

  const idsByStart = new Map<number, string[]>();
  for (const practitioner of query.practitioners) {
    const free = new Set<number>();
    for (let date = firstWorkingDate; Temporal.PlainDate.compare(date, lastWorkingDate) <= 0; date = date.add({ days: 1 })) {
      for (const hours of practitioner.weeklyHours) {
        if (hours.weekday !== date.dayOfWeek) continue;
        addMinutes(free, wallTimeToMinute(date, hours.start, zone), wallTimeToMinute(date, hours.end, zone));
      }
    }
    for (const exception of practitioner.exceptions) {
      if (exception.kind === "available") addMinutes(free, minuteOf(exception.start), minuteOf(exception.end));
    }
    for (const exception of practitioner.exceptions) {
      if (exception.kind === "unavailable") {
        for (let m = minuteOf(exception.start); m < minuteOf(exception.end); m++) free.delete(m);
      }
    }
    const busy = new Set<number>();
    for (const interval of practitioner.busy) addMinutes(busy, minuteOf(interval.start), minuteOf(interval.end));

    // Walk the window minute by minute to find each maximal run of free minutes.
    let runStart: number | null = null;
    for (let m = windowStartMinute; m <= windowEndMinute; m++) {
      const isFree = m < windowEndMinute && free.has(m);
      if (isFree && runStart === null) runStart = m;
      if (!isFree && runStart !== null) {
        for (let start = runStart; start + durationMinutes <= m; start += slotStepMinutes) {
          if (start < earliestStartMinute) continue;
          let clash = false;
          for (let b = start - bufferBeforeMinutes; b < start + durationMinutes + bufferAfterMinutes; b++) {
            if (busy.has(b)) clash = true;
          }
          if (clash) continue;
          const ids = idsByStart.get(start) ?? [];
          ids.push(practitioner.id);
          idsByStart.set(start, ids);
        }
        runStart = null;
      }
    }
  }

  const days: SlotDay[] = [];
  for (let date = from; Temporal.PlainDate.compare(date, to) <= 0; date = date.add({ days: 1 })) {
    days.push({ date: date.toString(), slots: [] });
  }
  for (const start of [...idsByStart.keys()].sort((a, b) => a - b)) {
    const startInstant = Temporal.Instant.fromEpochMilliseconds(start * MINUTE);
    const date = startInstant.toZonedDateTimeISO(zone).toPlainDate();
    if (Temporal.PlainDate.compare(date, lastListedDate) > 0) continue;
    days.find((day) => day.date === date.toString())?.slots.push({
      start: startInstant.toString(),
      end: Temporal.Instant.fromEpochMilliseconds((start + durationMinutes) * MINUTE).toString(),
      practitionerIds: idsByStart.get(start) ?? [],
    });
  }
  return days;
}

function minuteOf(instant: string | Temporal.Instant): number {
  return Temporal.Instant.from(instant).epochMilliseconds / MINUTE;
}

function wallTimeToMinute(date: Temporal.PlainDate, time: string, zone: string): number {
  const dateTime = time === "24:00" ? date.add({ days: 1 }).toPlainDateTime() : date.toPlainDateTime(Temporal.PlainTime.from(time));
  return minuteOf(dateTime.toZonedDateTime(zone, { disambiguation: "compatible" }).toInstant());
}

function addMinutes(set: Set<number>, from: number, to: number): void {
  for (let m = from; m < to; m++) set.add(m);
}

// ---------------------------------------------------------------------------------------------
// Generators.

const quarterHours = fc.oneof(
  fc.integer({ min: 0, max: 96 }),
  fc.integer({ min: 0, max: 20 }), // the small hours, where most transitions happen
  fc.integer({ min: 88, max: 96 }), // late evening up to 24:00 (Santiago changes at midnight)
);
const wallTime = (quarter: number): string =>
  `${String(Math.floor(quarter / 4)).padStart(2, "0")}:${String((quarter % 4) * 15).padStart(2, "0")}`;
// Mostly well-formed hours, sometimes empty or inverted ones (which must be ignored).
const workingHours = fc
  .record({ weekday: fc.integer({ min: 1, max: 7 }), startQuarter: quarterHours, lengthQuarters: fc.integer({ min: -4, max: 40 }) })
  .map(({ weekday, startQuarter, lengthQuarters }) => ({
    weekday,
    start: wallTime(startQuarter),
    end: wallTime(Math.max(0, Math.min(96, startQuarter + lengthQuarters))),
  }));

const slotQuery = fc
  .record({
    zoneDate: fc.constantFrom(...ZONE_DATES),
    daysBeforeTransition: fc.integer({ min: 0, max: 3 }),
    rangeDays: fc.integer({ min: 0, max: 4 }),
    nowOffsetMinutes: fc.integer({ min: -6 * 1440, max: 1440 }),
    service: fc.record({
      durationMinutes: fc.integer({ min: 5, max: 120 }),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
      bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
    }),
    rules: fc.record({
      slotStepMinutes: fc.constantFrom(5, 10, 15, 20, 25, 30, 45, 60),
      minNoticeMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * 1440 })),
      horizonDays: fc.oneof(fc.constant(30), fc.integer({ min: 0, max: 8 })),
    }),
    practitioners: fc.array(
      fc.record({
        weeklyHours: fc.array(workingHours, { maxLength: 8 }),
        // Offsets in minutes from the range's first UTC midnight; lengths may be zero or negative.
        exceptions: fc.array(
          fc.record({ kind: fc.constantFrom("available" as const, "unavailable" as const), at: fc.integer({ min: -1440, max: 6 * 1440 }), length: fc.integer({ min: -60, max: 900 }) }),
          { maxLength: 4 },
        ),
        busy: fc.array(fc.record({ at: fc.integer({ min: -1440, max: 6 * 1440 }), length: fc.integer({ min: -30, max: 240 }) }), { maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((drawn): SlotQuery => {
    const [timezone, transitionDate] = drawn.zoneDate;
    const rangeStart = Temporal.PlainDate.from(transitionDate).subtract({ days: drawn.daysBeforeTransition });
    const origin = rangeStart.toZonedDateTime("UTC").toInstant();
    const instantAt = (minutes: number): string => origin.add({ minutes }).toString();
    return {
      timezone,
      from: rangeStart.toString(),
      to: rangeStart.add({ days: drawn.rangeDays }).toString(),
      now: instantAt(drawn.nowOffsetMinutes),
      service: drawn.service,
      rules: drawn.rules,
      practitioners: drawn.practitioners.map((p, index) => ({
        id: `p${index}`,
        weeklyHours: p.weeklyHours,
        exceptions: p.exceptions.map((e) => ({ kind: e.kind, start: instantAt(e.at), end: instantAt(e.at + e.length) })),
        busy: p.busy.map((b) => ({ start: instantAt(b.at), end: instantAt(b.at + b.length) })),
      })),
    };
  });

// ---------------------------------------------------------------------------------------------

// Hundreds of queries against a minute-by-minute Temporal reference: seconds of work, many more on
// a machine shared with other test runs. The limit only stops a hung run; speed is the benchmark's job.
const PROPERTY_TIMEOUT_MS = 60_000;

describe("computeSlots matches the minute-by-minute reference", () => {
  it("on random zones, hours, exceptions and busy times around the 2026 transitions", () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        expect(computeSlots(query)).toEqual(referenceSlots(query));
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("keeps its invariants: every date once, slots sorted without duplicates, ids in input order", () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        const days = computeSlots(query);
        const order = query.practitioners.map((p) => p.id);
        const dates = days.map((day) => day.date);
        expect(dates[0]).toBe(query.from);
        expect(dates.at(-1)).toBe(query.to);
        expect(new Set(dates).size).toBe(dates.length);
        const starts = days.flatMap((day) => day.slots.map((slot) => Date.parse(slot.start)));
        starts.forEach((start, i) => i > 0 && expect(start).toBeGreaterThan(starts[i - 1] ?? -Infinity));
        for (const slot of days.flatMap((day) => day.slots)) {
          expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(query.service.durationMinutes * MINUTE);
          expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.parse(query.now) + query.rules.minNoticeMinutes * MINUTE);
          const positions = slot.practitionerIds.map((id) => order.indexOf(id));
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
          expect(new Set(positions).size).toBe(positions.length);
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
