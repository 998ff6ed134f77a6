// Where things sit on a day grid, by the clinic's wall clock (never the browser's): pure, so the
// grid can be tested without rendering and a receptionist abroad sees the clinic's day.
import { isoWeekday, wallClockOf, type LocalDate } from "@frontdesk/domain";
import type { CalendarAppointment, CalendarPractitioner, CalendarRange } from "../types";

/** Minutes per grid row. */
export const ROW_MINUTES = 15;
const DAY_MINUTES = 24 * 60;
/** Shown when nobody works that day and nothing is booked. */
const DEFAULT_HOURS = { start: 8 * 60, end: 18 * 60 };

export interface GridSpan {
  /** CSS grid lines, 1-based; `endRow` is exclusive. */
  startRow: number;
  endRow: number;
}

export interface PlacedAppointment extends GridSpan {
  appointment: CalendarAppointment;
  /** Side-by-side position when appointments overlap (a cancelled one and its replacement, say). */
  lane: number;
}

export interface TimeOff extends GridSpan {
  reason: string | null;
}

export interface DayColumn {
  practitioner: CalendarPractitioner;
  /** The clinic-calendar day the column shows. */
  date: LocalDate;
  /** Weekly hours of that weekday, plus extra hours added for that day. */
  workingHours: GridSpan[];
  timeOff: TimeOff[];
  appointments: PlacedAppointment[];
  lanes: number;
}

export interface DayLayout {
  /** Minutes after midnight of the first and last grid line. */
  startMinutes: number;
  endMinutes: number;
  rows: number;
  columns: DayColumn[];
}

const toMinutes = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** The part of [start, end) that falls on `date` in `timeZone`, in minutes after midnight; null when none does. */
export function minutesOnDay(start: string, end: string, date: LocalDate, timeZone: string): { from: number; to: number } | null {
  const a = wallClockOf(start, timeZone);
  const b = wallClockOf(end, timeZone);
  if (a.date > date || b.date < date || (b.date === date && b.minutes === 0 && a.date < date)) return null;
  const from = a.date < date ? 0 : a.minutes;
  const to = b.date > date ? DAY_MINUTES : b.minutes;
  return to > from ? { from, to } : null;
}

/** One column per practitioner on `date` (the day view). */
export function layoutDay(range: CalendarRange, date: LocalDate, timeZone: string): DayLayout {
  return layoutColumns(
    range,
    range.practitioners.map((practitioner) => ({ practitioner, date })),
    timeZone,
  );
}

/** One column per day of `dates` for one practitioner (the week view); no columns when they are not in the range. */
export function layoutWeek(range: CalendarRange, dates: LocalDate[], practitionerId: string, timeZone: string): DayLayout {
  const practitioner = range.practitioners.find((p) => p.id === practitionerId);
  return layoutColumns(range, practitioner ? dates.map((date) => ({ practitioner, date })) : [], timeZone);
}

/** Columns of (practitioner, day) on one shared grid, tall enough for every column's hours and visits. */
function layoutColumns(range: CalendarRange, cells: Array<{ practitioner: CalendarPractitioner; date: LocalDate }>, timeZone: string): DayLayout {
  const exceptionsOf = (p: CalendarPractitioner, date: LocalDate, kind: "available" | "unavailable") =>
    p.exceptions.flatMap((e) => {
      const span = e.kind === kind ? minutesOnDay(e.start, e.end, date, timeZone) : null;
      return span ? [{ ...span, reason: e.reason }] : [];
    });
  const hoursOf = (p: CalendarPractitioner, date: LocalDate) => [
    ...p.workingHours.filter((h) => h.weekday === isoWeekday(date)).map((h) => ({ from: toMinutes(h.start), to: toMinutes(h.end) })),
    ...exceptionsOf(p, date, "available"),
  ];
  const visitsOf = (p: CalendarPractitioner, date: LocalDate) =>
    range.appointments.flatMap((appointment) => {
      const span = appointment.practitionerId === p.id ? minutesOnDay(appointment.start, appointment.end, date, timeZone) : null;
      return span ? [{ appointment, ...span }] : [];
    });

  const spans = cells.flatMap(({ practitioner, date }) => [...hoursOf(practitioner, date), ...visitsOf(practitioner, date)]);
  const earliest = spans.length ? Math.min(...spans.map((s) => s.from)) : DEFAULT_HOURS.start;
  const latest = spans.length ? Math.max(...spans.map((s) => s.to)) : DEFAULT_HOURS.end;
  const startMinutes = Math.floor(earliest / 60) * 60;
  const endMinutes = Math.min(DAY_MINUTES, Math.ceil(latest / 60) * 60);
  const row = (minutes: number) => Math.round((minutes - startMinutes) / ROW_MINUTES) + 1;

  const columns = cells.map(({ practitioner, date }): DayColumn => {
    const laneEnds: number[] = [];
    const placed = visitsOf(practitioner, date)
      .sort((x, y) => x.from - y.from || y.to - x.to)
      .map((v): PlacedAppointment => {
        let lane = laneEnds.findIndex((end) => end <= v.from);
        if (lane === -1) lane = laneEnds.push(v.to) - 1;
        else laneEnds[lane] = v.to;
        return { appointment: v.appointment, startRow: row(v.from), endRow: Math.max(row(v.to), row(v.from) + 1), lane };
      });
    return {
      practitioner,
      date,
      workingHours: hoursOf(practitioner, date).map((h) => ({ startRow: row(h.from), endRow: row(h.to) })),
      // Clipped to the view: time off may span days, and only its part inside the grid is drawn.
      timeOff: exceptionsOf(practitioner, date, "unavailable")
        .map((t) => ({ from: Math.max(t.from, startMinutes), to: Math.min(t.to, endMinutes), reason: t.reason }))
        .filter((t) => t.to > t.from)
        .map((t) => ({ startRow: row(t.from), endRow: row(t.to), reason: t.reason })),
      appointments: placed,
      lanes: Math.max(1, laneEnds.length),
    };
  });

  return { startMinutes, endMinutes, rows: (endMinutes - startMinutes) / ROW_MINUTES, columns };
}
