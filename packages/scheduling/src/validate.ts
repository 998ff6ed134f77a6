// Turns a SlotQuery into plain numbers (day numbers, epoch milliseconds, minutes), rejecting
// anything the engine cannot answer with a SchedulingInputError that names the field.
import { dayNumberOf, isKnownTimeZone, localDateOf, MS_PER_MINUTE } from "@frontdesk/domain";
import { SchedulingInputError } from "./errors";
import { parseInstant } from "./instants";
import type { Interval } from "./intervals";
import type { SlotQuery } from "./types";

/** The longest range one query may span: `to` at most this many days after `from`. */
export const MAX_QUERY_DAYS = 62;

export interface WorkingInterval {
  startMinute: number;
  endMinute: number;
}

export interface NormalizedPractitioner {
  id: string;
  /** Index 1..7 (ISO weekday) → that day's wall-clock intervals in minutes after midnight. */
  workingMinutesByWeekday: WorkingInterval[][];
  availableExceptions: Interval[];
  unavailableExceptions: Interval[];
  busy: Interval[];
}

export interface NormalizedQuery {
  timeZone: string;
  fromDay: number;
  toDay: number;
  nowMs: number;
  durationMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  stepMs: number;
  minNoticeMs: number;
  /** Last local day on which a slot may start, from `now` and `horizonDays`. */
  lastBookableDay: number;
  practitioners: NormalizedPractitioner[];
  /** Local start times kept, minutes after midnight, or null for the whole day. */
  startMinutes: { from: number; to: number } | null;
}

export function normalizeSlotQuery(query: SlotQuery): NormalizedQuery {
  const timeZone = requireTimeZone(query.timezone, "timezone");
  const fromDay = requireLocalDate(query.from, "from");
  const toDay = requireLocalDate(query.to, "to");
  if (toDay < fromDay) {
    throw new SchedulingInputError("to", `must not be before from (${query.from}), got ${query.to}`);
  }
  if (toDay - fromDay > MAX_QUERY_DAYS) {
    throw new SchedulingInputError("to", `must be at most ${MAX_QUERY_DAYS} days after from (${query.from}), got ${query.to}`);
  }
  const nowMs = requireInstant(query.now, "now");

  const service = requireObject(query.service, "service");
  const rules = requireObject(query.rules, "rules");
  const horizonDays = requireWholeNumber(rules.horizonDays, "rules.horizonDays", 0);

  return {
    timeZone,
    fromDay,
    toDay,
    nowMs,
    durationMs: requireWholeNumber(service.durationMinutes, "service.durationMinutes", 1) * MS_PER_MINUTE,
    bufferBeforeMs: requireWholeNumber(service.bufferBeforeMinutes, "service.bufferBeforeMinutes", 0) * MS_PER_MINUTE,
    bufferAfterMs: requireWholeNumber(service.bufferAfterMinutes, "service.bufferAfterMinutes", 0) * MS_PER_MINUTE,
    stepMs: requireWholeNumber(rules.slotStepMinutes, "rules.slotStepMinutes", 1) * MS_PER_MINUTE,
    minNoticeMs: requireWholeNumber(rules.minNoticeMinutes, "rules.minNoticeMinutes", 0) * MS_PER_MINUTE,
    lastBookableDay: (dayNumberOf(localDateOf(nowMs, timeZone)) ?? 0) + horizonDays,
    practitioners: normalizePractitioners(query.practitioners),
    startMinutes: normalizeStartMinutes(query.startMinutes),
  };
}

function normalizeStartMinutes(startMinutes: SlotQuery["startMinutes"]): NormalizedQuery["startMinutes"] {
  if (startMinutes === undefined) return null;
  requireObject(startMinutes, "startMinutes");
  const from = requireWholeNumber(startMinutes.from, "startMinutes.from", 0);
  const to = requireWholeNumber(startMinutes.to, "startMinutes.to", 0);
  if (from > 1440 || to > 1440 || to <= from) throw new SchedulingInputError("startMinutes", "must satisfy 0 <= from < to <= 1440");
  return { from, to };
}

function normalizePractitioners(practitioners: SlotQuery["practitioners"]): NormalizedPractitioner[] {
  if (!Array.isArray(practitioners)) throw new SchedulingInputError("practitioners", "must be an array");
  const seenIds = new Set<string>();
  return practitioners.map((practitioner, index) => {
    const path = `practitioners[${index}]`;
    requireObject(practitioner, path);
    if (typeof practitioner.id !== "string" || practitioner.id === "") {
      throw new SchedulingInputError(`${path}.id`, "must be a non-empty string");
    }
    // A repeated id would list the same person twice on one slot.
    if (seenIds.has(practitioner.id)) {
      throw new SchedulingInputError(`${path}.id`, `repeats the id "${practitioner.id}"`);
    }
    seenIds.add(practitioner.id);

    const workingMinutesByWeekday: WorkingInterval[][] = [[], [], [], [], [], [], [], []];
    requireArray(practitioner.weeklyHours, `${path}.weeklyHours`).forEach((hours, i) => {
      const hoursPath = `${path}.weeklyHours[${i}]`;
      requireObject(hours, hoursPath);
      const { weekday } = hours;
      if (typeof weekday !== "number" || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
        throw new SchedulingInputError(`${hoursPath}.weekday`, `must be an integer from 1 (Monday) to 7 (Sunday), got ${String(weekday)}`);
      }
      workingMinutesByWeekday[weekday]?.push({
        startMinute: requireWallTime(hours.start, `${hoursPath}.start`),
        endMinute: requireWallTime(hours.end, `${hoursPath}.end`),
      });
    });

    const availableExceptions: Interval[] = [];
    const unavailableExceptions: Interval[] = [];
    requireArray(practitioner.exceptions, `${path}.exceptions`).forEach((exception, i) => {
      const exceptionPath = `${path}.exceptions[${i}]`;
      requireObject(exception, exceptionPath);
      const interval = requireInterval(exception, exceptionPath);
      if (exception.kind === "available") availableExceptions.push(interval);
      else if (exception.kind === "unavailable") unavailableExceptions.push(interval);
      else {
        throw new SchedulingInputError(`${exceptionPath}.kind`, `must be "available" or "unavailable", got ${JSON.stringify(exception.kind)}`);
      }
    });

    const busy = requireArray(practitioner.busy, `${path}.busy`).map((interval, i) => {
      requireObject(interval, `${path}.busy[${i}]`);
      return requireInterval(interval, `${path}.busy[${i}]`);
    });

    return { id: practitioner.id, workingMinutesByWeekday, availableExceptions, unavailableExceptions, busy };
  });
}

function requireTimeZone(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") {
    throw new SchedulingInputError(field, "must be an IANA time zone name such as \"Europe/Paris\"");
  }
  if (!isKnownTimeZone(value)) throw new SchedulingInputError(field, `is not a known time zone: ${JSON.stringify(value)}`);
  return value;
}

function requireLocalDate(value: unknown, field: string): number {
  const dayNumber = typeof value === "string" ? dayNumberOf(value) : null;
  if (dayNumber === null) {
    throw new SchedulingInputError(field, `must be a date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
  }
  return dayNumber;
}

function requireInstant(value: unknown, field: string): number {
  const parsed = typeof value === "string" ? parseInstant(value) : null;
  if (parsed === null) {
    throw new SchedulingInputError(field, `must be an ISO-8601 instant with an offset, e.g. "2026-03-02T08:15:00Z", got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function requireInterval(value: { start: unknown; end: unknown }, path: string): Interval {
  return { start: requireInstant(value.start, `${path}.start`), end: requireInstant(value.end, `${path}.end`) };
}

const WALL_TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Minutes after local midnight. "24:00" is accepted as an end meaning the next midnight. */
function requireWallTime(value: unknown, field: string): number {
  const match = typeof value === "string" ? WALL_TIME_PATTERN.exec(value) : null;
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match && ((hours <= 23 && minutes <= 59) || (hours === 24 && minutes === 0))) {
    return hours * 60 + minutes;
  }
  throw new SchedulingInputError(field, `must be a wall-clock time "HH:MM" from 00:00 to 24:00, got ${JSON.stringify(value)}`);
}

function requireWholeNumber(value: unknown, field: string, minimum: 0 | 1): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < minimum) {
    const expected = minimum === 1 ? "a positive whole number" : "a whole number, zero or more";
    throw new SchedulingInputError(field, `must be ${expected}, got ${String(value)}`);
  }
  return value;
}

function requireObject<T>(value: T, field: string): T {
  if (typeof value !== "object" || value === null) throw new SchedulingInputError(field, "must be an object");
  return value;
}

function requireArray<T>(value: T[], field: string): T[] {
  if (!Array.isArray(value)) throw new SchedulingInputError(field, "must be an array");
  return value;
}
