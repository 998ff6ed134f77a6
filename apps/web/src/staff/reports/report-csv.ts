// The report as a CSV file: one row for the clinic, then each practitioner and service, with the
// same columns as the tables (lib/csv.ts defuses cells a spreadsheet would run, names included).
import { toCsv } from "../../lib/csv";
import { REPORT_COLUMNS, type Dashboard, type ReportFormats } from "./report-format";

export function reportCsv(report: Dashboard, t: (key: string) => string, formats: ReportFormats): string {
  const header = [t("reports.col.group"), t("reports.col.name"), ...REPORT_COLUMNS.map((column) => t(column.label))];
  const cells = (figures: Dashboard["totals"]) => REPORT_COLUMNS.map((column) => column.cell(figures, formats));
  return toCsv(header, [
    [t("reports.group.clinic"), `${report.period.from} – ${report.period.to}`, ...cells(report.totals)],
    ...report.practitioners.map((p) => [t("reports.group.practitioner"), p.name, ...cells(p)]),
    ...report.services.map((s) => [t("reports.group.service"), s.name, ...cells(s)]),
  ]);
}
