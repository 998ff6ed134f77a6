// The time module against Temporal, the reference: every DST gap and repeated hour of 2026 in
// zones chosen for their odd rules, exhaustively minute by minute around each change, and random
// instants through the year. The package's test script runs this under three process TZ values.
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dayNumberOf, localDateOfDay } from "./local-date";
import { createZoneClock, instantAt, localDateOf, offsetAt, wallClockOf } from "./zone";

const ZONES = [
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/St_Johns", // -03:30, half-hour offset with DST
  "America/Santiago", // southern hemisphere: springs forward in September
  "Australia/Sydney", // southern hemisphere
  "Australia/Lord_Howe", // a 30-minute DST shift
  "Pacific/Chatham", // +12:45 / +13:45
  "Pacific/Auckland",
  "Africa/Casablanca", // goes back an hour for Ramadan and forward after it
  "Asia/Kathmandu", // +05:45, no DST
  "Asia/Kolkata", // +05:30, no DST
  "UTC",
];

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);

/** Every offset change of 2026 in a zone, as Temporal sees it. */
function transitionsOf2026(zone: string): Temporal.ZonedDateTime[] {
  const found: Temporal.ZonedDateTime[] = [];
  let cursor = Temporal.Instant.fromEpochMilliseconds(YEAR_START).toZonedDateTimeISO(zone);
  for (;;) {
    const next = cursor.getTimeZoneTransition("next");
    if (next === null || next.epochMilliseconds >= YEAR_END) return found;
    found.push(next);
    cursor = next;
  }
}

function temporalInstantAt(date: string, minutes: number, zone: string): number {
  return Temporal.PlainDate.from(date).toPlainDateTime().add({ minutes }).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
}

function temporalWallClock(epochMs: number, zone: string) {
  const local = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  return { date: local.toPlainDate().toString(), minutes: local.hour * 60 + local.minute };
}

describe("the zones under test", () => {
  it("include gaps and repeated hours in at least 8 zones, Lord Howe's 30 minutes among them", () => {
    const withChanges = ZONES.filter((zone) => transitionsOf2026(zone).length > 0);
    expect(withChanges.length).toBeGreaterThanOrEqual(8);
    const lordHowe = transitionsOf2026("Australia/Lord_Howe");
    expect(lordHowe.map((t) => Math.abs(t.offsetNanoseconds - t.subtract({ seconds: 1 }).offsetNanoseconds) / 60e9)).toEqual([30, 30]);
    expect(transitionsOf2026("Asia/Kathmandu")).toEqual([]);
    expect(offsetAt(YEAR_START, "Asia/Kathmandu")).toBe((5 * 60 + 45) * 60_000);
  });
});

describe.each(ZONES)("%s agrees with Temporal", (zone) => {
  const transitions = transitionsOf2026(zone);

  it.each(transitions.map((t) => [t.toString(), t] as const))(
    "for every minute of wall time from 3 h before to 3 h after the change at %s",
    (_label, transition) => {
      const day = transition.toPlainDate().toString();
      const clock = createZoneClock(zone, (dayNumberOf(day) ?? 0) - 1, (dayNumberOf(day) ?? 0) + 1);
      const changeMinute = transition.hour * 60 + transition.minute;
      for (let minutes = Math.max(0, changeMinute - 180); minutes <= Math.min(1440, changeMinute + 180); minutes++) {
        const expected = temporalInstantAt(day, minutes, zone);
        expect(Date.parse(instantAt(day, minutes, zone)), `${day} +${minutes} min`).toBe(expected);
        expect(clock.wallTimeToEpochMs(dayNumberOf(day) ?? 0, minutes)).toBe(expected);
      }
      // And every minute of real time around the change reads as Temporal reads it.
      for (let at = transition.epochMilliseconds - 3 * 3_600_000; at <= transition.epochMilliseconds + 3 * 3_600_000; at += 60_000) {
        expect(wallClockOf(at, zone), new Date(at).toISOString()).toEqual(temporalWallClock(at, zone));
        expect(localDateOfDay(clock.localDayOf(at))).toBe(temporalWallClock(at, zone).date);
      }
    },
  );

  it("resolves a time inside a gap to the instant after it, and a repeated time to the earlier instant", () => {
    for (const transition of transitions) {
      const before = transition.subtract({ seconds: 1 });
      const jumpMinutes = (transition.offsetNanoseconds - before.offsetNanoseconds) / 60e9;
      const day = before.toPlainDate().toString();
      const wallBefore = before.hour * 60 + before.minute + 1; // the wall minute at which the change happens, read on the old offset
      if (jumpMinutes > 0) {
        // Spring forward: the first skipped minute lands on the change's instant, just after the gap;
        // the minute before it is still the old offset's.
        const skipped = wallBefore;
        expect(Date.parse(instantAt(day, skipped, zone))).toBe(transition.epochMilliseconds);
        expect(Date.parse(instantAt(day, skipped - 1, zone))).toBe(transition.epochMilliseconds - 60_000);
      } else {
        // Fall back: the first repeated minute is the earlier of its two instants.
        const repeated = wallBefore + jumpMinutes;
        expect(Date.parse(instantAt(day, repeated, zone))).toBe(transition.epochMilliseconds + jumpMinutes * 60_000);
      }
    }
  });

  it("reads random instants of 2026 on the same wall clock and date", () => {
    fc.assert(
      fc.property(fc.integer({ min: YEAR_START, max: YEAR_END }), (at) => {
        expect(wallClockOf(at, zone)).toEqual(temporalWallClock(at, zone));
        expect(localDateOf(new Date(at), zone)).toBe(temporalWallClock(at, zone).date);
        expect(offsetAt(at, zone)).toBe(Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6);
      }),
      { numRuns: 300 },
    );
  });

  it("turns random wall times of 2026 into Temporal's instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 1440 }), (dayOfYear, minutes) => {
        const day = localDateOfDay((dayNumberOf("2026-01-01") ?? 0) + dayOfYear);
        expect(Date.parse(instantAt(day, minutes, zone))).toBe(temporalInstantAt(day, minutes, zone));
      }),
      { numRuns: 200 },
    );
  });
});

describe("instantAt", () => {
  it("reads HH:MM and 24:00 (the next midnight)", () => {
    expect(instantAt("2026-03-08", "02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(instantAt("2026-10-25", "02:30", "Europe/Paris")).toBe("2026-10-25T00:30:00.000Z");
    expect(instantAt("2026-07-01", "24:00", "Europe/Paris")).toBe("2026-07-01T22:00:00.000Z");
  });

  it("refuses what is not a date, a time or a zone", () => {
    expect(() => instantAt("2026-02-30", "10:00", "Europe/Paris")).toThrow(RangeError);
    expect(() => instantAt("2026-03-01", "25:00", "Europe/Paris")).toThrow(RangeError);
    expect(() => instantAt("2026-03-01", "10:00", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("a clinic's wall-clock time as an instant (examples)", () => {
  it("applies the clinic's offset, not the process's", () => {
    expect(instantAt("2026-03-03", "09:00", "Europe/Paris")).toBe("2026-03-03T08:00:00.000Z");
    expect(instantAt("2026-07-03", 9 * 60, "Europe/Paris")).toBe("2026-07-03T07:00:00.000Z");
    expect(instantAt("2026-03-03", "09:00", "America/New_York")).toBe("2026-03-03T14:00:00.000Z");
    expect(instantAt("2026-03-03", 23 * 60 + 30, "Europe/Paris")).toBe("2026-03-03T22:30:00.000Z");
  });

  it("finds midnight on the day after a spring-forward change", () => {
    expect(instantAt("2026-03-30", "00:00", "Europe/Paris")).toBe("2026-03-29T22:00:00.000Z");
  });

  it("moves a time skipped by spring-forward past the gap, and takes the first of a doubled time", () => {
    expect(instantAt("2026-03-29", "02:30", "Europe/Paris")).toBe("2026-03-29T01:30:00.000Z");
    expect(instantAt("2026-03-08", "02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(instantAt("2026-10-25", "02:30", "Europe/Paris")).toBe("2026-10-25T00:30:00.000Z");
  });
});
