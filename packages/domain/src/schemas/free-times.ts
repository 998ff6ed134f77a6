// The staff free-time finder (appointments.freeTimes): the next free times from the engine.
import { z } from "zod";
import { TIMES_OF_DAY } from "../time/format";
import { id, localDate, wallTime, wallTimeEnd } from "./fields";

export const FREE_TIME_WINDOWS = ["today", "week", "next"] as const;

/** How far "next available" looks ahead, in days from the first one searched. */
export const FREE_TIME_SEARCH_DAYS = 90;

/** The online rules a staff booking may break on purpose, and how the finder names them. */
export const ONLINE_RULES = {
  LEAD_TIME: "Sooner than the clinic's minimum notice for online booking",
  BOOKING_WINDOW: "Further ahead than the clinic's online booking window",
  NOT_ONLINE: "The service is not bookable online",
} as const;
export type OnlineRule = keyof typeof ONLINE_RULES;

export const freeTimesInput = z
  .object({
    serviceId: id,
    practitionerId: id.optional(),
    /** The first local date searched; today in the clinic's zone when left out. */
    from: localDate.optional(),
    within: z.enum(FREE_TIME_WINDOWS, { error: "Within is today, week or next" }).default("next"),
    timeOfDay: z.enum(TIMES_OF_DAY, { error: "Time of day is morning, afternoon or evening" }).optional(),
    /** Local start times from..to (to excluded), e.g. 07:30-09:00. */
    between: z.object({ from: wallTime("Enter a start time"), to: wallTimeEnd("Enter an end time") }).optional(),
    /** Staff booking on purpose: also times the online rules refuse, each saying which rule. */
    outsideRules: z.boolean().default(false),
    limit: z.number().int("Use a whole number").min(1, "At least 1").max(50, "At most 50").default(10),
  })
  .refine((v) => !v.between || v.between.from < v.between.to, { message: "The end time must be after the start time", path: ["between", "to"] })
  .refine((v) => !(v.between && v.timeOfDay), { message: "Choose a time of day or a time range, not both", path: ["between"] });

export type FreeTimesInput = z.input<typeof freeTimesInput>;
