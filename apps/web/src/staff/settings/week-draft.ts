// The weekly hours as the editor holds them, checked before sending with the server's own schema
// (weekInput, @frontdesk/domain: HH:MM times, "24:00" as an end, end after start, no overlap within
// a day, at most 12 intervals a day), with each message tied to the field at fault.
import { MAX_INTERVALS_PER_DAY, WEEKDAY_NAMES, weekInput } from "@frontdesk/domain";
import type { WeeklyInterval } from "./types";

export { MAX_INTERVALS_PER_DAY, WEEKDAY_NAMES };
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** "Copy Monday to all weekdays" fills these; the weekend keeps its own hours. */
const OTHER_WEEKDAYS: Weekday[] = [2, 3, 4, 5];

export interface DraftInterval {
  /** Stable across edits, for React keys, focus and error lookup. */
  key: string;
  start: string;
  end: string;
}

export type DraftWeek = Record<Weekday, DraftInterval[]>;

export interface IntervalErrors {
  start?: string;
  end?: string;
}

export interface WeekCheck {
  /** Errors by interval key. */
  fields: Map<string, IntervalErrors>;
  /** Errors about a whole day (too many intervals). */
  days: Partial<Record<Weekday, string>>;
  /** What to send, sorted, when nothing is wrong. */
  intervals: WeeklyInterval[] | null;
  count: number;
}

let nextKey = 0;
export const newIntervalKey = () => `interval-${++nextKey}`;

export function emptyWeek(): DraftWeek {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
}

export function draftFrom(intervals: readonly WeeklyInterval[]): DraftWeek {
  const week = emptyWeek();
  const sorted = [...intervals].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  for (const interval of sorted) {
    const day = interval.weekday as Weekday;
    if (week[day]) week[day].push({ key: newIntervalKey(), start: interval.start, end: interval.end });
  }
  return week;
}

/** Monday's intervals, copied (with their own keys) over Tuesday to Friday. */
export function copyMondayToWeekdays(week: DraftWeek): DraftWeek {
  const copy = { ...week };
  for (const day of OTHER_WEEKDAYS) copy[day] = week[1].map((i) => ({ key: newIntervalKey(), start: i.start, end: i.end }));
  return copy;
}

/** A new interval for a day: 09:00–17:00 on a free day, else the hour after the day's last interval. */
export function nextIntervalFor(day: readonly DraftInterval[]): DraftInterval {
  const last = day.at(-1);
  const lastEnd = last ? minutesOf(normaliseTime(last.end) ?? "") : null;
  if (lastEnd === null || lastEnd === undefined) return { key: newIntervalKey(), start: "09:00", end: "17:00" };
  const end = Math.min(lastEnd + 60, 24 * 60);
  return { key: newIntervalKey(), start: clock(lastEnd), end: clock(end) };
}

/** "9:05" or "09:05" as "09:05"; null when it is not a time of day written H:MM or HH:MM. */
export function normaliseTime(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  return `${match[1]!.padStart(2, "0")}:${match[2]}`;
}

function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function checkWeek(week: DraftWeek): WeekCheck {
  const fields = new Map<string, IntervalErrors>();
  const days: WeekCheck["days"] = {};
  const fail = (key: string, field: keyof IntervalErrors, message: string) => {
    const errors = fields.get(key) ?? {};
    errors[field] ??= message;
    fields.set(key, errors);
  };
  // "9:00" is how people type 09:00: tidy what was typed, then let the schema judge it.
  const typed = WEEKDAYS.flatMap((weekday) =>
    week[weekday].map((interval) => ({
      key: interval.key,
      weekday,
      start: normaliseTime(interval.start) ?? interval.start.trim(),
      end: normaliseTime(interval.end) ?? interval.end.trim(),
    })),
  );
  const parsed = weekInput.safeParse(typed.map(({ weekday, start, end }) => ({ weekday, start, end })));
  for (const issue of parsed.error?.issues ?? []) {
    const [index, field] = issue.path;
    const interval = typeof index === "number" ? typed[index] : undefined;
    if (!interval) continue;
    if (field === "start" || field === "end") fail(interval.key, field, issue.message);
    else days[interval.weekday] ??= issue.message;
  }
  const count = [...fields.values()].reduce((sum, e) => sum + (e.start ? 1 : 0) + (e.end ? 1 : 0), 0) + Object.keys(days).length;
  const intervals = parsed.success ? [...parsed.data].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)) : null;
  return { fields, days, intervals: count === 0 ? intervals : null, count };
}

/** Whether the draft reads as `intervals` (same days, same times, same order), i.e. has nothing unsaved. */
export function isUnchanged(week: DraftWeek, intervals: readonly WeeklyInterval[]): boolean {
  const shape = (w: DraftWeek) => WEEKDAYS.map((day) => w[day].map((i) => `${i.start.trim()}-${i.end.trim()}`).join(",")).join("|");
  return shape(week) === shape(draftFrom(intervals));
}
