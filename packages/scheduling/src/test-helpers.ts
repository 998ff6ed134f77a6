// Builders and readers shared by the tests; not part of the package's public surface.
import { Temporal } from "temporal-polyfill";
import type { SlotDay, SlotQuery } from "./types";

export type Practitioner = SlotQuery["practitioners"][number];

/** A query for one Monday-to-Friday 09:00-12:00 practitioner, 30-minute slots, no rules. */
export function buildQuery(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    timezone: "Europe/Paris",
    from: "2026-03-02",
    to: "2026-03-02",
    now: "2026-01-01T00:00:00Z",
    service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
    rules: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 365 },
    practitioners: [practitioner("dr-martin", [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "12:00" })))],
    ...overrides,
  };
}

export function practitioner(
  id: string,
  weeklyHours: Practitioner["weeklyHours"],
  extra: Partial<Pick<Practitioner, "exceptions" | "busy">> = {},
): Practitioner {
  return { id, weeklyHours, exceptions: extra.exceptions ?? [], busy: extra.busy ?? [] };
}

/** Every day of the week, same hours: handy when a test is about one particular date. */
export function everyDay(start: string, end: string): Practitioner["weeklyHours"] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
}

/** Slot starts of one day as local wall times, e.g. "09:30". */
export function localStarts(days: SlotDay[], date: string, timeZone: string): string[] {
  return slotsOn(days, date).map((slot) => wallTime(slot.start, timeZone));
}

/** Slot starts as local wall times with their offset, to tell repeated hours apart: "01:30-04:00". */
export function localStartsWithOffset(days: SlotDay[], date: string, timeZone: string): string[] {
  return slotsOn(days, date).map((slot) => {
    const local = Temporal.Instant.from(slot.start).toZonedDateTimeISO(timeZone);
    return `${wallTime(slot.start, timeZone)}${local.offset}`;
  });
}

export function slotsOn(days: SlotDay[], date: string): SlotDay["slots"] {
  const day = days.find((candidate) => candidate.date === date);
  if (day === undefined) throw new Error(`no SlotDay for ${date} in ${days.map((d) => d.date).join(", ")}`);
  return day.slots;
}

function wallTime(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainTime().toString().slice(0, 5);
}
