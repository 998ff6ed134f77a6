// Patient-specific wording on top of the shared date formats (src/lib/datetime.ts).

const birthDateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

/** "12 May 1980" for a YYYY-MM-DD date of birth: a calendar date, in no time zone. */
export function formatBirthDate(date: string): string {
  return birthDateFormat.format(new Date(`${date}T12:00:00Z`));
}
