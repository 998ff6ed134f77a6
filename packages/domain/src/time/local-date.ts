// Local calendar dates ("YYYY-MM-DD") and wall-clock times ("HH:MM"), in no zone. Dates are also
// "day numbers" (days since 1970-01-01, proleptic Gregorian): plain UTC arithmetic on them is
// exact and never consults the process time zone.

/** A calendar date in some zone, as the API sends it: "YYYY-MM-DD". */
export type LocalDate = string;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

/** Day number of a calendar date, or null if the fields do not name a real date. */
export function dayNumberFromFields(year: number, month: number, day: number): number | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0..99 literal
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Day number of "YYYY-MM-DD", or null when malformed or not a real date (e.g. 2026-02-30). */
export function dayNumberOf(date: LocalDate): number | null {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) return null;
  return dayNumberFromFields(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** "YYYY-MM-DD" of a day number. */
export function localDateOfDay(dayNumber: number): LocalDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function requireDay(date: LocalDate): number {
  const day = dayNumberOf(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return day;
}

/** ISO weekday of a day number: 1 = Monday .. 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekdayOfDay(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return isoWeekdayOfDay(requireDay(date));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOfDay(requireDay(date) + days);
}

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${pad(Math.floor(monthIndex / 12), 4)}-${pad((monthIndex % 12) + 1)}-01`;
}

export function startOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: LocalDate): LocalDate {
  return addDays(addMonths(date, 1), -1);
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb). */
export function shiftMonths(date: LocalDate, months: number): LocalDate {
  const target = addMonths(date, months);
  const day = Math.min(Number(date.slice(8)), Number(endOfMonth(target).slice(8)));
  return `${target.slice(0, 8)}${pad(day)}`;
}

/** The locale's first day of the week (1 = Monday, 7 = Sunday); Monday where the runtime cannot say. */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** The month as weeks of seven cells; cells outside the month are null. */
export function monthGrid(month: LocalDate, weekStartsOn: number): Array<Array<LocalDate | null>> {
  const first = startOfMonth(month);
  const last = endOfMonth(month);
  const leading = (isoWeekday(first) - weekStartsOn + 7) % 7;
  const cells: Array<LocalDate | null> = Array.from({ length: leading }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<LocalDate | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Minutes after midnight from "HH:MM" (00:00..23:59); null when the text is not a time of day. */
export function minutesOfTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** "HH:MM" for minutes after midnight (the value of an <input type="time">). */
export function timeOfMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Moves an instant by whole minutes. */
export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * MS_PER_MINUTE).toISOString();
}
