// Parsing and printing instants. Every input instant goes through here, so the common RFC 3339
// shape gets a fast path; anything else is left to Temporal, which decides what ISO 8601 allows.
import { Temporal } from "temporal-polyfill";

const RFC3339_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch milliseconds (sub-millisecond digits floored), or null if `text` is not an instant. */
export function parseInstant(text: string): number | null {
  if (typeof text !== "string") return null;
  const fast = parseCommonInstant(text);
  if (fast !== null) return fast;
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    return null;
  }
}

function parseCommonInstant(text: string): number | null {
  const m = RFC3339_INSTANT.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  // Anything unusual (old years, Feb 29 of a common year, leap seconds) takes the slow path.
  const plausible =
    year >= 100 &&
    month >= 1 && month <= 12 &&
    day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0) && !(month === 2 && day === 29) &&
    hour <= 23 && minute <= 59 && second <= 59 &&
    offsetHours <= 23 && offsetMinutes <= 59;
  if (!plausible) return null;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000 * (m[9] === "-" ? -1 : 1);
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMs;
}

/** RFC 3339 in UTC, e.g. "2026-03-29T07:00:00Z"; milliseconds only when there are any. */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
