// The one place that turns instants and local dates into words. Times are shown in the clinic's
// zone (a patient books a visit at the clinic's wall-clock time), with the patient's own zone
// noted when it differs. Nothing here reads the process or browser zone: callers pass zones in.

/** A calendar date in some zone, as the API sends it: "YYYY-MM-DD". */
export type LocalDate = string;

export type PartOfDay = "morning" | "afternoon" | "evening";

export interface ZoneSettings {
  /** The clinic's BCP 47 locale, e.g. "fr-FR". */
  locale: string;
  /** The clinic's IANA zone, e.g. "Europe/Paris". */
  timeZone: string;
  /** The patient's IANA zone (the browser's); equal to `timeZone` when they are at the clinic. */
  patientTimeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

function partsIn(instant: Date, timeZone: string): Record<"year" | "month" | "day" | "hour" | "minute", number> {
  const parts = formatter("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? NaN);
  return { year: value("year"), month: value("month"), day: value("day"), hour: value("hour"), minute: value("minute") };
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: string | Date, timeZone: string): LocalDate {
  const { year, month, day } = partsIn(new Date(instant), timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Where an instant falls on a zone's wall clock: its local date and minutes since that date's midnight. */
export function wallClockOf(instant: string | Date, timeZone: string): { date: LocalDate; minutes: number } {
  const { year, month, day, hour, minute } = partsIn(new Date(instant), timeZone);
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, minutes: hour * 60 + minute };
}

/** Today in the clinic's zone (the clinic's calendar decides which days are bookable). */
export function todayIn(timeZone: string, now: Date): LocalDate {
  return localDateOf(now, timeZone);
}

/** Morning before 12:00, afternoon before 17:00, evening after, by the clinic's clock. */
export function partOfDay(instant: string, timeZone: string): PartOfDay {
  const { hour } = partsIn(new Date(instant), timeZone);
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  return "evening";
}

// Local dates are calendar arithmetic only: noon UTC of that date keeps every step on the right day.
function dateToUtcNoon(date: LocalDate): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

function utcNoonToDate(value: Date): LocalDate {
  return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const value = dateToUtcNoon(date);
  value.setUTCDate(value.getUTCDate() + days);
  return utcNoonToDate(value);
}

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const value = dateToUtcNoon(date);
  return utcNoonToDate(new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth() + months, 1, 12)));
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb). */
export function shiftMonths(date: LocalDate, months: number): LocalDate {
  const target = addMonths(date, months);
  const day = Math.min(Number(date.slice(8)), Number(endOfMonth(target).slice(8)));
  return `${target.slice(0, 8)}${pad(day)}`;
}

export function startOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: LocalDate): LocalDate {
  return addDays(addMonths(date, 1), -1);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = dateToUtcNoon(date).getUTCDay();
  return day === 0 ? 7 : day;
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

/** Formats for one clinic, in its zone and locale, noting the patient's zone when it differs. */
export function createDateFormat({ locale, timeZone, patientTimeZone }: ZoneSettings) {
  const differentZone = offsetsDiffer(timeZone, patientTimeZone);
  const time = (instant: string, zone = timeZone) =>
    formatter(locale, { timeZone: zone, timeStyle: "short" }).format(new Date(instant));
  return {
    locale,
    timeZone,
    patientTimeZone,
    /** True when the patient's clock shows other times than the clinic's. */
    differentZone,
    /** "14:30" (fr-FR) or "2:30 PM" (en-US), in the clinic's zone. */
    time: (instant: string) => time(instant),
    /** A wall-clock time given as minutes after midnight ("09:00" or "9:00 AM"), for a day grid's labels. */
    clockTime: (minutes: number) => formatter(locale, { timeZone: "UTC", timeStyle: "short" }).format(new Date(Date.UTC(2024, 0, 1, 0, minutes))),
    /** The same instant on the patient's clock, or null when it reads the same. */
    patientTime: (instant: string) => (differentZone ? time(instant, patientTimeZone) : null),
    /** "mardi 3 mars 2026" for a local date. */
    date: (date: LocalDate) =>
      formatter(locale, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(dateToUtcNoon(date)),
    /** "3 mars" for a calendar cell's label. */
    dayAndMonth: (date: LocalDate) => formatter(locale, { timeZone: "UTC", day: "numeric", month: "long" }).format(dateToUtcNoon(date)),
    /** "mars 2026" for a month's heading. */
    month: (date: LocalDate) => formatter(locale, { timeZone: "UTC", month: "long", year: "numeric" }).format(dateToUtcNoon(date)),
    /** Short weekday names, in display order from the locale's first day of the week. */
    weekdays: (weekStartsOn: number) =>
      Array.from({ length: 7 }, (_, i) => {
        // 2024-01-01 was a Monday.
        const date = addDays("2024-01-01", ((weekStartsOn - 1 + i) % 7));
        return {
          short: formatter(locale, { timeZone: "UTC", weekday: "short" }).format(dateToUtcNoon(date)),
          long: formatter(locale, { timeZone: "UTC", weekday: "long" }).format(dateToUtcNoon(date)),
        };
      }),
    /** "mardi 3 mars 2026 à 14:30" for an instant, in the clinic's zone. */
    dateTime: (instant: string) =>
      formatter(locale, { timeZone, dateStyle: "full", timeStyle: "short" }).format(new Date(instant)),
    /** The same, on the patient's clock, or null when it reads the same. */
    patientDateTime: (instant: string) =>
      differentZone
        ? formatter(locale, { timeZone: patientTimeZone, dateStyle: "full", timeStyle: "short" }).format(new Date(instant))
        : null,
    localDate: (instant: string) => localDateOf(instant, timeZone),
  };
}

export type DateFormat = ReturnType<typeof createDateFormat>;

/** Two zones differ for display when their offsets differ now or six months from now. */
function offsetsDiffer(a: string, b: string): boolean {
  if (a === b) return false;
  const probes = [Date.UTC(2025, 0, 15, 12), Date.UTC(2025, 6, 15, 12)];
  return probes.some((probe) => {
    const x = partsIn(new Date(probe), a);
    const y = partsIn(new Date(probe), b);
    return x.day !== y.day || x.hour !== y.hour || x.minute !== y.minute;
  });
}

/** "30 min", "1 h", "1 h 15 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A price in the clinic's currency and locale; null when the clinic does not publish one. */
export function formatPrice(cents: number | null, currency: string, locale: string): string | null {
  if (cents === null) return null;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

/** The browser's zone: the one place the app asks. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
