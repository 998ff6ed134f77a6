// Local calendar dates as "day numbers": days since 1970-01-01 in the proleptic Gregorian
// calendar. They carry no zone, so plain UTC arithmetic on them is exact and never consults the
// process time zone.
import { MS_PER_DAY } from "./time-units";

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a calendar date, or null if the fields do not name a real date. */
export function dayNumberFromFields(year: number, month: number, day: number): number | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0..99 literal
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Day number of "YYYY-MM-DD", or null when malformed or not a real date (e.g. 2026-02-30). */
export function parseLocalDate(text: string): number | null {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return null;
  return dayNumberFromFields(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatLocalDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday .. 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
