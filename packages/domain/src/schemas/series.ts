// Recurring series and follow-ups (appointments.series.*, appointments.followUp). ADR 0033.
import { z } from "zod";
import { MAX_SERIES_DAYS, MAX_SERIES_OCCURRENCES } from "../series";
import { id, instant, localDate, text, version } from "./fields";

export const seriesPattern = z
  .object({
    everyWeeks: z.number("Say every how many weeks").int("Use a whole number of weeks").min(1, "Every 1 week at least").max(12, "At most every 12 weeks"),
    weekdays: z
      .array(z.number().int("Weekdays are 1 (Monday) to 7 (Sunday)").min(1, "Weekdays are 1 (Monday) to 7 (Sunday)").max(7, "Weekdays are 1 (Monday) to 7 (Sunday)"))
      .max(7, "At most 7 weekdays")
      .optional(),
    count: z
      .number("Say how many appointments")
      .int("Use a whole number")
      .min(1, "At least 1 appointment")
      .max(MAX_SERIES_OCCURRENCES, `At most ${MAX_SERIES_OCCURRENCES} appointments in a series`)
      .optional(),
    until: localDate.optional(),
  })
  .refine((p) => (p.count === undefined) !== (p.until === undefined), { message: "Give either a number of appointments or an end date", path: ["count"] });

/** What staff ask for: the first occurrence (its local time is kept for all) and the pattern. */
const seriesRequest = z.object({
  serviceId: id,
  practitionerId: id,
  patientId: id,
  start: instant,
  pattern: seriesPattern,
});

/** The series' first local date must not be after its end, nor the end more than a year away: checked against the clinic's zone by the server. */
export const seriesPreviewInput = seriesRequest;

export const SERIES_BOOK_MODES = ["all", "free"] as const;

export const seriesBookInput = seriesRequest.extend({
  /** "all": nothing is written unless every occurrence is free; "free": the clashing ones are left out. */
  mode: z.enum(SERIES_BOOK_MODES, { error: "Mode is all or free" }),
  /** Occurrences moved to another time (an alternative the preview proposed), by their index. */
  replacements: z
    .array(z.object({ index: z.number().int("Not an occurrence").min(0, "Not an occurrence").max(MAX_SERIES_OCCURRENCES - 1, "Not an occurrence"), start: instant, practitionerId: id.optional() }))
    .max(MAX_SERIES_OCCURRENCES, "Too many replacements")
    .default([]),
  notify: z.boolean().optional(),
});

export const SERIES_SCOPES = ["this", "following", "all"] as const;
const scope = z.enum(SERIES_SCOPES, { error: "Scope is this, following or all" });

/** Move one occurrence and, with scope, the others by the same change of local date and time. */
export const seriesMoveInput = z.object({ id, version, start: instant, practitionerId: id.optional(), scope });

export const seriesCancelInput = z.object({ id, version, scope, reason: text(500, "Keep the reason under 500 characters", "Say why (the patient may ask)") });

/** The same patient, service and practitioner N weeks later at the same local time (or at `start`). */
export const followUpInput = z.object({
  id,
  weeks: z.number("Say in how many weeks").int("Use a whole number of weeks").min(1, "At least 1 week").max(Math.floor(MAX_SERIES_DAYS / 7), "At most 52 weeks"),
  start: instant.optional(),
  notify: z.boolean().optional(),
});

/** Undo of a status change or a cancellation made a moment ago (ADR 0034). */
export const revertStatusInput = z.object({ id, version, status: z.enum(["booked", "confirmed", "arrived"], { error: "Status must be booked, confirmed or arrived" }) });

export type SeriesPatternInput = z.input<typeof seriesPattern>;
