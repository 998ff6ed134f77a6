// Recurring series (ADR 0033): which local dates a pattern names. Pure calendar arithmetic on
// local dates; the server turns each date plus the series' local time into an instant with the
// domain time module, so every occurrence keeps its wall-clock time across DST changes.
import { addDays, dayNumberOf, isoWeekday, localDateOfDay, type LocalDate } from "./time/local-date";

/** The most occurrences one series may have (a year of weekly visits). */
export const MAX_SERIES_OCCURRENCES = 52;
/** How far ahead a series may reach from its first occurrence. */
export const MAX_SERIES_DAYS = 366;

export interface SeriesPattern {
  /** Every N weeks (1 = weekly). */
  everyWeeks: number;
  /** ISO weekdays (1 = Monday .. 7 = Sunday); none means the first date's weekday. */
  weekdays?: readonly number[];
  /** Stop after this many occurrences... */
  count?: number;
  /** ...or after this local date (inclusive). */
  until?: LocalDate;
}

/**
 * The local dates of a series starting on `first`, in order: the weeks `everyWeeks` apart from
 * the first one's week, on the chosen weekdays, from `first` on. Stops at `count`, at `until`, at
 * MAX_SERIES_DAYS, or at MAX_SERIES_OCCURRENCES + 1 dates (so the caller can tell "too many").
 */
export function seriesDates(first: LocalDate, pattern: SeriesPattern): LocalDate[] {
  const firstDay = dayNumberOf(first);
  if (firstDay === null) throw new RangeError(`not a date: ${first}`);
  const weekdays = [...new Set(pattern.weekdays?.length ? pattern.weekdays : [isoWeekday(first)])].sort((a, b) => a - b);
  const monday = firstDay - (isoWeekday(first) - 1);
  const untilDay = pattern.until ? dayNumberOf(pattern.until) : null;
  const lastDay = Math.min(firstDay + MAX_SERIES_DAYS, untilDay ?? Number.POSITIVE_INFINITY);
  const wanted = Math.min(pattern.count ?? Number.POSITIVE_INFINITY, MAX_SERIES_OCCURRENCES + 1);
  const dates: LocalDate[] = [];
  for (let week = monday; week <= lastDay && dates.length < wanted; week += 7 * pattern.everyWeeks) {
    for (const weekday of weekdays) {
      const day = week + weekday - 1;
      if (day < firstDay || day > lastDay || dates.length >= wanted) continue;
      dates.push(localDateOfDay(day));
    }
  }
  return dates;
}

/** The same local date `weeks` weeks later (a follow-up). */
export const weeksLater = (date: LocalDate, weeks: number): LocalDate => addDays(date, 7 * weeks);
