// Weekly hours and dated exceptions (schedule.*).
import { z } from "zod";
import { id, instant, onlyWhenValid, text, wallTime, wallTimeEnd } from "./fields";

const DAY_MS = 24 * 60 * 60_000;
export const MAX_INTERVALS_PER_DAY = 12;
export const WEEKDAY_NAMES = { 1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday", 7: "Sunday" } as const;

export const weeklyInterval = z
  .object({
    weekday: z.number("Weekday is 1 (Monday) to 7 (Sunday)").int("Weekday is 1 (Monday) to 7 (Sunday)").min(1, "Weekday is 1 (Monday) to 7 (Sunday)").max(7, "Weekday is 1 (Monday) to 7 (Sunday)"),
    start: wallTime("Enter a start time"),
    end: wallTimeEnd("Enter an end time"),
  })
  .refine((i) => i.end > i.start, { message: "End must be after start", path: ["end"], when: onlyWhenValid });

export type WeeklyInterval = z.infer<typeof weeklyInterval>;

/** A whole week: several intervals per day, none overlapping another of the same day. */
export const weekInput = z
  .array(weeklyInterval)
  .max(7 * MAX_INTERVALS_PER_DAY, `At most ${MAX_INTERVALS_PER_DAY} intervals per day`)
  .superRefine((intervals, ctx) => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      const day = intervals.map((i, index) => ({ ...i, index })).filter((i) => i.weekday === weekday);
      if (day.length > MAX_INTERVALS_PER_DAY) {
        ctx.addIssue({
          code: "custom",
          message: `At most ${MAX_INTERVALS_PER_DAY} intervals per day: remove ${day.length - MAX_INTERVALS_PER_DAY}`,
          path: [day[0]!.index],
        });
      }
      day.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      for (let k = 1; k < day.length; k++) {
        const previous = day[k - 1]!;
        const current = day[k]!;
        // Half-open intervals: 09:00-12:00 and 12:00-13:00 touch but do not overlap.
        if (current.start < previous.end) {
          ctx.addIssue({
            code: "custom",
            message: `Overlaps ${previous.start}–${previous.end} on ${WEEKDAY_NAMES[weekday as keyof typeof WEEKDAY_NAMES]}`,
            path: [current.index, "start"],
          });
        }
      }
    }
  });

export const getWeekInput = z.object({ practitionerId: id });
export const setWeekInput = z.object({ practitionerId: id, intervals: weekInput });

export const SCHEDULE_EXCEPTION_KINDS = ["unavailable", "available"] as const;

export const listExceptionsInput = z
  .object({ practitionerId: id.optional(), from: instant, to: instant })
  .refine((r) => r.to > r.from, { message: "The range must end after it starts", path: ["to"], when: onlyWhenValid })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * DAY_MS, { message: "At most 400 days at a time", path: ["to"], when: onlyWhenValid });

export const exceptionReason = text(200, "Keep the reason under 200 characters");

export const addExceptionInput = z
  .object({
    practitionerId: id,
    kind: z.enum(SCHEDULE_EXCEPTION_KINDS, { error: "Kind is unavailable (time off) or available (extra hours)" }),
    startsAt: instant,
    endsAt: instant,
    reason: exceptionReason.optional(),
  })
  .refine((e) => e.endsAt > e.startsAt, { message: "End must be after start", path: ["endsAt"], when: onlyWhenValid })
  .refine((e) => Date.parse(e.endsAt) - Date.parse(e.startsAt) <= 366 * DAY_MS, { message: "At most a year at a time", path: ["endsAt"], when: onlyWhenValid });

export const removeExceptionInput = z.object({ exceptionId: id });
