// When a reminder goes out, computed in the clinic's zone with the domain's time module (pure).
// A whole number of days before means "the same wall-clock time, that many days earlier": a
// 09:00 appointment the day after the clocks change is reminded at 09:00, not 08:00 or 10:00,
// which is what "24 hours before" means to a patient. Shorter offsets are elapsed time.
// SMS and WhatsApp never land in the clinic's quiet hours: a reminder that would is sent
// earlier, at the last minute before they begin, so it still arrives before the appointment.
import { addDays, instantAt, wallClockOf } from "@frontdesk/domain";
import type { MessageChannel, ReminderRule } from "@frontdesk/db/schema";

const MINUTES_PER_DAY = 1440;

/** Local wall-clock minutes [start, end) of the clinic's day; end < start wraps past midnight (21:00–08:00). */
export interface QuietHours {
  start: number;
  end: number;
}

function inQuietHours(minutes: number, quiet: QuietHours): boolean {
  return quiet.start <= quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

/** The instant the quiet period containing `instant` began. */
function quietStartBefore(instant: Date, quiet: QuietHours, timeZone: string): Date {
  const { date, minutes } = wallClockOf(instant, timeZone);
  const startDate = quiet.start <= minutes ? date : addDays(date, -1);
  return new Date(instantAt(startDate, quiet.start, timeZone));
}

export function reminderInstant(input: {
  start: Date;
  rule: ReminderRule;
  timeZone: string;
  quietHours: QuietHours | null;
}): Date {
  const { start, rule, timeZone } = input;
  let at: Date;
  if (rule.minutesBefore % MINUTES_PER_DAY === 0) {
    const wall = wallClockOf(start, timeZone);
    at = new Date(instantAt(addDays(wall.date, -rule.minutesBefore / MINUTES_PER_DAY), wall.minutes, timeZone));
  } else {
    at = new Date(start.getTime() - rule.minutesBefore * 60_000);
  }
  if (input.quietHours && isShortChannel(rule.channel) && inQuietHours(wallClockOf(at, timeZone).minutes, input.quietHours)) {
    // One minute before quiet hours begin.
    at = new Date(quietStartBefore(at, input.quietHours, timeZone).getTime() - 60_000);
  }
  return at;
}

export const isShortChannel = (channel: MessageChannel) => channel !== "email";
