// The one place that turns instants, local dates and durations into words, for every surface:
// the web app, the e-mails and the API's messages. Times are shown in the clinic's zone (a
// patient books a visit at the clinic's wall-clock time), with the patient's own zone noted when
// it differs. Nothing here reads the process or browser zone: callers pass zones in.
import { addDays, type LocalDate } from "./local-date";
import { localDateOf, offsetAt, wallClockOf } from "./zone";

/** The parts of a day patients and staff choose times by (the waitlist, the free-time finder). */
export const TIMES_OF_DAY = ["morning", "afternoon", "evening"] as const;
export type PartOfDay = (typeof TIMES_OF_DAY)[number];
/** Where each part of the day starts and ends by the clinic's clock, in minutes since midnight. */
export const PART_OF_DAY_MINUTES = {
  morning: { from: 0, to: 12 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  evening: { from: 17 * 60, to: 24 * 60 },
} as const satisfies Record<PartOfDay, { from: number; to: number }>;

export interface ZoneSettings {
  /** The clinic's BCP 47 locale, e.g. "fr-FR". */
  locale: string;
  /** The clinic's IANA zone, e.g. "Europe/Paris". */
  timeZone: string;
  /** The reader's IANA zone (the patient's browser); equal to `timeZone` when they are at the clinic. */
  patientTimeZone: string;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per
// locale and options (a handful per process or page).
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

// A local date is formatted as noon UTC of that date, read in UTC: no zone can shift its day.
function utcNoonOf(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** Morning before 12:00, afternoon before 17:00, evening after, by the clinic's clock. */
export function partOfDay(instant: string, timeZone: string): PartOfDay {
  const minutes = wallClockOf(instant, timeZone).minutes;
  return TIMES_OF_DAY.find((part) => minutes < PART_OF_DAY_MINUTES[part].to) ?? "evening";
}

/** Two zones differ for display when their offsets differ in January or July. */
function offsetsDiffer(a: string, b: string): boolean {
  if (a === b) return false;
  const probes = [Date.UTC(2025, 0, 15, 12), Date.UTC(2025, 6, 15, 12)];
  return probes.some((probe) => offsetAt(probe, a) !== offsetAt(probe, b));
}

/** "12 May 1980" (en-GB) or "May 12, 1980" (en-US) for a date of birth: a calendar date, in no zone. */
export function formatBirthDate(date: LocalDate, locale: string): string {
  return formatter(locale, { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(utcNoonOf(date));
}

/** Formats for one clinic, in its zone and locale, noting the patient's zone when it differs. */
export function createDateFormat({ locale, timeZone, patientTimeZone }: ZoneSettings) {
  const differentZone = offsetsDiffer(timeZone, patientTimeZone);
  const time = (instant: string | Date, zone = timeZone) => formatter(locale, { timeZone: zone, timeStyle: "short" }).format(new Date(instant));
  const date = (day: LocalDate) =>
    formatter(locale, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(utcNoonOf(day));
  const dateTime = (instant: string | Date, zone = timeZone) =>
    formatter(locale, { timeZone: zone, dateStyle: "full", timeStyle: "short" }).format(new Date(instant));
  return {
    locale,
    timeZone,
    patientTimeZone,
    /** True when the patient's clock shows other times than the clinic's. */
    differentZone,
    /** "14:30" (fr-FR) or "2:30 PM" (en-US), in the clinic's zone. */
    time: (instant: string | Date) => time(instant),
    /** A wall-clock time given as minutes after midnight ("09:00" or "9:00 AM"), for a day grid's labels. */
    clockTime: (minutes: number) => formatter(locale, { timeZone: "UTC", timeStyle: "short" }).format(new Date(Date.UTC(2024, 0, 1, 0, minutes))),
    /** The same instant on the patient's clock, or null when it reads the same. */
    patientTime: (instant: string) => (differentZone ? time(instant, patientTimeZone) : null),
    /** -1, 0 or 1: the patient's calendar day at this instant against the clinic's (1: already tomorrow for the patient). */
    patientDayShift: (instant: string): number => {
      const clinicDay = localDateOf(instant, timeZone);
      const patientDay = localDateOf(instant, patientTimeZone);
      return patientDay === clinicDay ? 0 : patientDay > clinicDay ? 1 : -1;
    },
    /** "mardi 3 mars 2026" for a local date. */
    date,
    /** "3 mars" for a calendar cell's label. */
    dayAndMonth: (day: LocalDate) => formatter(locale, { timeZone: "UTC", day: "numeric", month: "long" }).format(utcNoonOf(day)),
    /** "mars 2026" for a month's heading. */
    month: (day: LocalDate) => formatter(locale, { timeZone: "UTC", month: "long", year: "numeric" }).format(utcNoonOf(day)),
    /** "12 May 1980" (en-GB) or "May 12, 1980" (en-US) for a date of birth: a calendar date, in no zone. */
    birthDate: (day: LocalDate) => formatBirthDate(day, locale),
    /** Short and long weekday names, in display order from the locale's first day of the week. */
    weekdays: (weekStartsOn: number) =>
      Array.from({ length: 7 }, (_, i) => {
        // 2024-01-01 was a Monday.
        const day = addDays("2024-01-01", (weekStartsOn - 1 + i) % 7);
        return {
          short: formatter(locale, { timeZone: "UTC", weekday: "short" }).format(utcNoonOf(day)),
          long: formatter(locale, { timeZone: "UTC", weekday: "long" }).format(utcNoonOf(day)),
        };
      }),
    /** "mardi 3 mars 2026 à 14:30" for an instant, in the clinic's zone. */
    dateTime: (instant: string | Date) => dateTime(instant),
    /** The same, on the patient's clock, or null when it reads the same. */
    patientDateTime: (instant: string) => (differentZone ? dateTime(instant, patientTimeZone) : null),
    /** "Monday, 9 March 2026, 14:30–15:00 (Europe/Paris)" (en-GB): an appointment's time, as e-mails state it. */
    appointmentTime: (start: string | Date, end: string | Date) =>
      `${date(localDateOf(start, timeZone))}, ${time(start)}–${time(end)} (${timeZone})`,
    localDate: (instant: string) => localDateOf(instant, timeZone),
  };
}

export type DateFormat = ReturnType<typeof createDateFormat>;

/** Formats for a reader at the clinic (e-mails, the API's messages): no second zone to note. */
export function clinicDateFormat(clinic: { locale: string; timezone: string }): DateFormat {
  return createDateFormat({ locale: clinic.locale, timeZone: clinic.timezone, patientTimeZone: clinic.timezone });
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
