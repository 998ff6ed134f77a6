// Wall-clock date and time in the clinic's zone -> UTC instant, for time off typed as the clinic
// reads its own clock. lib/datetime.ts goes the other way (wallClockOf); this is its inverse.
import { wallClockOf } from "../../lib/datetime";

/**
 * The instant at which the clinic's clock shows `date` `time` ("YYYY-MM-DD", "HH:MM"). A time
 * skipped by a spring-forward change resolves to the instant after the gap.
 */
export function instantAt(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // Guess with the offset at the wanted wall time, then correct once with the offset found there.
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const seen = wallClockOf(new Date(guess), timeZone);
    const [y, m, d] = seen.date.split("-").map(Number) as [number, number, number];
    const seenAsUtc = Date.UTC(y, m - 1, d, 0, seen.minutes);
    guess += wanted - seenAsUtc;
  }
  return new Date(guess).toISOString();
}
