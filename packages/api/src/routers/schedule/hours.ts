// Weekly working hours and dated exceptions: their input rules, who may edit a practitioner's
// calendar, and how an exception is shown.
import type { scheduleExceptions} from "@frontdesk/db/schema";
import { scheduleExceptionKind, workingHours } from "@frontdesk/db/schema";
import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { StaffScope } from "../../trpc";

export const DAY_MS = 24 * 60 * 60_000;
const MAX_INTERVALS_PER_DAY = 12;

/** For cross-field rules: run only once every field is valid, so an error names the broken field alone. */
export const onlyWhenValid = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

const wallTime = z.string().max(5, "Use HH:MM").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM between 00:00 and 23:59");
/** "24:00" ends an interval at the next midnight (ADR 0002). */
const wallTimeEnd = z.string().max(5, "Use HH:MM").regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Use HH:MM between 00:01 and 24:00");

const interval = z
  .object({
    weekday: z.number().int().min(1, "Weekday is 1 (Monday) to 7 (Sunday)").max(7, "Weekday is 1 (Monday) to 7 (Sunday)"),
    start: wallTime,
    end: wallTimeEnd,
  })
  .refine((i) => i.end > i.start, { message: "End must be after start", path: ["end"], when: onlyWhenValid });

export type WeeklyInterval = z.infer<typeof interval>;

/** A whole week: several intervals per day, none overlapping another of the same day. */
export const weekInput = z
  .array(interval)
  .max(7 * MAX_INTERVALS_PER_DAY, `At most ${MAX_INTERVALS_PER_DAY} intervals per day`)
  .superRefine((intervals, ctx) => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      const day = intervals.map((i, index) => ({ ...i, index })).filter((i) => i.weekday === weekday);
      if (day.length > MAX_INTERVALS_PER_DAY) {
        ctx.addIssue({ code: "custom", message: `At most ${MAX_INTERVALS_PER_DAY} intervals per day`, path: [day[0]!.index] });
      }
      day.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      for (let k = 1; k < day.length; k++) {
        const previous = day[k - 1]!;
        const current = day[k]!;
        // Half-open intervals: 09:00-12:00 and 12:00-13:00 touch but do not overlap.
        if (current.start < previous.end) {
          ctx.addIssue({
            code: "custom",
            message: `${current.start}-${current.end} overlaps ${previous.start}-${previous.end} on weekday ${weekday}`,
            path: [current.index, "start"],
          });
        }
      }
    }
  });

export const exceptionKind = z.enum(scheduleExceptionKind.enumValues, { error: "Kind is unavailable (time off) or available (extra hours)" });

/** Admins edit every calendar; a practitioner only the one linked to their own sign-in. */
export function assertMayEditCalendar(staff: StaffScope, practitioner: { userId: string | null }) {
  if (staff.role === "practitioner" && practitioner.userId !== staff.userId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You can change only your own hours and time off" });
  }
}

const hhmm = (time: string) => (time.startsWith("24:00") ? "24:00" : time.slice(0, 5));
export const describe = (i: WeeklyInterval) => `${i.weekday} ${i.start}-${i.end}`;

export async function readWeek(staff: StaffScope, practitionerId: string): Promise<WeeklyInterval[]> {
  const rows = await staff.tx
    .select({ weekday: workingHours.weekday, start: workingHours.startTime, end: workingHours.endTime })
    .from(workingHours)
    .where(and(eq(workingHours.clinicId, staff.clinicId), eq(workingHours.practitionerId, practitionerId)))
    .orderBy(asc(workingHours.weekday), asc(workingHours.startTime));
  return rows.map((r) => ({ weekday: r.weekday, start: hhmm(r.start), end: hhmm(r.end) }));
}

export const exceptionView = (e: typeof scheduleExceptions.$inferSelect) => ({
  id: e.id,
  practitionerId: e.practitionerId,
  kind: e.kind,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  reason: e.reason,
});
