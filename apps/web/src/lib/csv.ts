// CSV files staff download (the audit log, reports): one rule for every export. A spreadsheet runs a cell that starts
// with = + - @ (or a tab or carriage return) as a formula: such cells get a leading apostrophe,
// so a patient named "=HYPERLINK(…)" is shown, never run (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  // CRLF line ends (RFC 4180), and a byte-order mark so spreadsheet programs read UTF-8 names right.
  return "\uFEFF" + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Has the browser save `csv` as `filename`. */
export function saveCsv(filename: string, csv: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
