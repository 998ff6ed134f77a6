// The weekly hours as the editor holds them, and the server's rules for them checked before
// sending (packages/api routers/schedule.ts: HH:MM times, "24:00" as an end, end after start, no
// overlap within a day, at most 12 intervals a day), with each message tied to the field at fault.
import type { WeeklyInterval } from "./types";

export const MAX_INTERVALS_PER_DAY = 12;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};
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

const START_FORMAT = "Use HH:MM between 00:00 and 23:59";
const END_FORMAT = "Use HH:MM between 00:01 and 24:00 (24:00 is midnight at the end of the day)";

function checkStart(value: string): string | { time: string } {
  if (value.trim() === "") return "Enter a start time";
  const time = normaliseTime(value);
  const minutes = time ? minutesOf(time) : null;
  if (!time || minutes === null || Number(time.slice(3)) > 59 || minutes >= 24 * 60) return START_FORMAT;
  return { time };
}

function checkEnd(value: string): string | { time: string } {
  if (value.trim() === "") return "Enter an end time";
  const time = normaliseTime(value);
  const minutes = time ? minutesOf(time) : null;
  if (!time || minutes === null || Number(time.slice(3)) > 59 || minutes > 24 * 60) return END_FORMAT;
  return { time };
}

export function checkWeek(week: DraftWeek): WeekCheck {
  const fields = new Map<string, IntervalErrors>();
  const days: WeekCheck["days"] = {};
  const intervals: WeeklyInterval[] = [];
  const fail = (key: string, field: keyof IntervalErrors, message: string) => {
    const errors = fields.get(key) ?? {};
    errors[field] ??= message;
    fields.set(key, errors);
  };

  for (const weekday of WEEKDAYS) {
    const day = week[weekday];
    if (day.length > MAX_INTERVALS_PER_DAY) days[weekday] = `At most ${MAX_INTERVALS_PER_DAY} intervals per day: remove ${day.length - MAX_INTERVALS_PER_DAY}`;
    const valid: Array<WeeklyInterval & { key: string }> = [];
    for (const interval of day) {
      const start = checkStart(interval.start);
      const end = checkEnd(interval.end);
      if (typeof start === "string") fail(interval.key, "start", start);
      if (typeof end === "string") fail(interval.key, "end", end);
      if (typeof start === "string" || typeof end === "string") continue;
      // Like the server, compare only once both times are well-formed.
      if (end.time <= start.time) {
        fail(interval.key, "end", "End must be after start");
        continue;
      }
      valid.push({ key: interval.key, weekday, start: start.time, end: end.time });
    }
    valid.sort((a, b) => a.start.localeCompare(b.start));
    for (let k = 1; k < valid.length; k++) {
      const previous = valid[k - 1]!;
      const current = valid[k]!;
      // Half-open intervals: 09:00–12:00 and 12:00–13:00 touch but do not overlap.
      if (current.start < previous.end) fail(current.key, "start", `Overlaps ${previous.start}–${previous.end} on ${WEEKDAY_NAMES[weekday]}`);
    }
    intervals.push(...valid.map(({ weekday: w, start, end }) => ({ weekday: w, start, end })));
  }

  const count = [...fields.values()].reduce((sum, e) => sum + (e.start ? 1 : 0) + (e.end ? 1 : 0), 0) + Object.keys(days).length;
  return { fields, days, intervals: count === 0 ? intervals : null, count };
}

/** Whether the draft reads as `intervals` (same days, same times, same order), i.e. has nothing unsaved. */
export function isUnchanged(week: DraftWeek, intervals: readonly WeeklyInterval[]): boolean {
  const shape = (w: DraftWeek) => WEEKDAYS.map((day) => w[day].map((i) => `${i.start.trim()}-${i.end.trim()}`).join(",")).join("|");
  return shape(week) === shape(draftFrom(intervals));
}
