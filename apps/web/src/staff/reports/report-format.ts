// How the reports show their figures: in the member's language, "—" where there is nothing to divide.
import type { RouterOutputs } from "@frontdesk/api";

export type Dashboard = RouterOutputs["reports"]["dashboard"];
export type Figures = Dashboard["totals"];

export interface ReportFormats {
  count: (value: number) => string;
  percent: (value: number | null) => string;
  /** A lead time in minutes, as days (or hours under a day). */
  lead: (minutes: number | null) => string;
  hours: (minutes: number | null) => string;
}

export function reportFormats(language: string): ReportFormats {
  const count = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(language, { style: "unit", unit: "day", maximumFractionDigits: 1 });
  const hours = new Intl.NumberFormat(language, { style: "unit", unit: "hour", maximumFractionDigits: 1 });
  return {
    count: (value) => count.format(value),
    percent: (value) => (value === null ? "—" : percent.format(value)),
    lead: (minutes) => (minutes === null ? "—" : minutes >= 24 * 60 ? days.format(minutes / (24 * 60)) : hours.format(minutes / 60)),
    hours: (minutes) => (minutes === null ? "—" : hours.format(minutes / 60)),
  };
}

/** The columns of every report table and of the CSV file, in order: the key of their label and the cell. */
export const REPORT_COLUMNS: Array<{ label: string; cell: (f: Figures, formats: ReportFormats) => string }> = [
  { label: "reports.col.appointments", cell: (f, x) => x.count(f.appointments) },
  { label: "reports.col.noShowRate", cell: (f, x) => x.percent(f.noShowRate) },
  { label: "reports.col.lateCancellations", cell: (f, x) => x.count(f.lateCancellations) },
  { label: "reports.col.utilisation", cell: (f, x) => x.percent(f.utilisation) },
  { label: "reports.col.booked", cell: (f, x) => x.hours(f.bookedMinutes) },
  { label: "reports.col.working", cell: (f, x) => x.hours(f.workingMinutes) },
  { label: "reports.col.onlineShare", cell: (f, x) => x.percent(f.onlineShare) },
  { label: "reports.col.leadTime", cell: (f, x) => x.lead(f.leadTimeMedianMinutes) },
  { label: "reports.col.newPatients", cell: (f, x) => x.count(f.newPatients) },
];
