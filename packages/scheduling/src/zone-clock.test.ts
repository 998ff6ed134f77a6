import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { parseLocalDate } from "./local-dates";
import { createZoneClock } from "./zone-clock";

// Each zone with the local dates of its 2026 transitions (see dst.test.ts).
const TRANSITION_DAYS: Array<[zone: string, dates: string[]]> = [
  ["Europe/Paris", ["2026-03-29", "2026-10-25"]],
  ["America/New_York", ["2026-03-08", "2026-11-01"]],
  ["America/Santiago", ["2026-04-04", "2026-09-06"]],
  ["Australia/Lord_Howe", ["2026-04-05", "2026-10-04"]],
  ["Asia/Kolkata", ["2026-06-01"]],
  ["America/St_Johns", ["2026-03-08", "2026-11-01"]],
  ["Pacific/Chatham", ["2026-04-05", "2026-09-27"]],
];

describe("createZoneClock agrees with Temporal", () => {
  it.each(TRANSITION_DAYS)("in %s, for every 5 minutes of the day before, of, and after each transition", (zone, dates) => {
    for (const date of dates) {
      const transitionDay = parseLocalDate(date) ?? Number.NaN;
      const clock = createZoneClock(zone, transitionDay - 1, transitionDay + 1);
      for (let day = transitionDay - 1; day <= transitionDay + 1; day++) {
        const plainDate = Temporal.PlainDate.from(date).add({ days: day - transitionDay });
        for (let minute = 0; minute <= 1440; minute += 5) {
          const expected = plainDate
            .toPlainDateTime()
            .add({ minutes: minute })
            .toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
          const actual = clock.wallTimeToEpochMs(day, minute);
          expect(actual, `${plainDate.toString()} +${minute} min`).toBe(expected);
          // And back: the local date of that instant, as Temporal sees it.
          const localDate = Temporal.Instant.fromEpochMilliseconds(actual).toZonedDateTimeISO(zone).toPlainDate().toString();
          expect(clock.localDayOf(actual)).toBe(parseLocalDate(localDate));
        }
      }
    }
  });
});
