// The owners' reports (reports.*, ADR 0053).
import { z } from "zod";
import { localDate } from "./fields";

/** The longest period a report covers: two years (a leap day included). */
export const REPORT_MAX_DAYS = 731;

const DAY_MS = 24 * 60 * 60_000;
/** Days from `from` to `to`, both included (dates are "YYYY-MM-DD", so UTC arithmetic is exact). */
export const reportPeriodDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** A period of whole local days in the clinic's zone, `from` and `to` both included. */
export const reportPeriod = z
  .object({ from: localDate, to: localDate })
  .refine((period) => period.to >= period.from, { message: "The end date must not be before the start date", path: ["to"], abort: true })
  .refine((period) => reportPeriodDays(period.from, period.to) <= REPORT_MAX_DAYS, { message: "Choose a period of at most two years", path: ["to"] });

export const reportsDashboardInput = reportPeriod;
export type ReportsDashboardInput = z.infer<typeof reportsDashboardInput>;
