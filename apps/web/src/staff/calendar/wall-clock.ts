// From the clinic's wall clock back to an instant: the grid speaks in "Tuesday 09:15 in Paris",
// the API in UTC instants. lib/datetime.ts goes the other way (wallClockOf); this is its inverse.
import { wallClockOf, type LocalDate } from "../../lib/datetime";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * The instant at `minutes` after midnight of `date` on `timeZone`'s clock, as an ISO string.
 * A time skipped by a spring-forward change lands just after the gap (02:30 becomes 03:30); a time
 * that happens twice on a fall-back day is its first occurrence.
 */
export function instantAt(date: LocalDate, minutes: number, timeZone: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, 0, minutes);
  const offsetAt = (probe: number) => {
    const wall = wallClockOf(new Date(probe), timeZone);
    const [y, m, d] = wall.date.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d, 0, wall.minutes) - probe;
  };
  // The zone's offsets a day either side cover any change that day; keep the readings that land
  // on the asked wall time, the earliest first. None does inside a spring-forward gap: then the
  // offset from before the change carries the time past the gap.
  const before = asIfUtc - offsetAt(asIfUtc - DAY_MS);
  const after = asIfUtc - offsetAt(asIfUtc + DAY_MS);
  const landsOn = (candidate: number) => {
    const wall = wallClockOf(new Date(candidate), timeZone);
    return wall.date === date && wall.minutes === minutes;
  };
  const exact = [before, after].filter(landsOn).sort((a, b) => a - b);
  return new Date(exact[0] ?? before).toISOString();
}

/** "HH:MM" for minutes after midnight (the value of an <input type="time">). */
export function timeInputValue(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Minutes after midnight from "HH:MM"; null when the text is not a time. */
export function minutesOfTimeInput(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** Moves an instant by whole minutes. */
export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * MINUTE_MS).toISOString();
}
