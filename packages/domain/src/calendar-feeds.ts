// Calendar feeds (ADR 0040): subscription URLs for Google, Apple and Outlook calendar. What an
// event says of its patient is the practitioner's privacy setting; the window is fixed.
import { z } from "zod";

export const FEED_DETAILS = ["time", "initials", "name"] as const;
export type FeedDetail = (typeof FEED_DETAILS)[number];

export const FEED_DETAIL_NAMES: Record<FeedDetail, string> = {
  time: "Time only (“Booked”)",
  initials: "Service and patient initials",
  name: "Service and patient's full name",
};

/** What a feed covers, around the moment it is fetched. */
export const FEED_WINDOW = { daysBack: 30, daysAhead: 180 } as const;

/** "Léa Martin-Dubois" → "L. M."; the initials of the first and last words only. */
export function patientInitials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const first = words[0]!;
  const last = words.length > 1 ? words.at(-1)! : undefined;
  return [first, last].filter((w): w is string => w !== undefined).map((w) => `${[...w][0]!.toUpperCase()}.`).join(" ");
}

/** An event's title as the practitioner's setting allows. */
export function feedEventSummary(detail: FeedDetail, appointment: { serviceName: string; patientName: string }): string {
  if (detail === "time") return "Booked";
  if (detail === "initials") return `${appointment.serviceName}, ${patientInitials(appointment.patientName)}`;
  return `${appointment.serviceName}, ${appointment.patientName}`;
}

const uuid = z.uuid();

/** Absent practitionerId: the whole clinic's feed (admins only). */
export const createCalendarFeedInput = z.strictObject({ practitionerId: uuid.optional() });
export const revokeCalendarFeedInput = z.strictObject({ id: uuid });
export const setFeedDetailInput = z.strictObject({
  practitionerId: uuid,
  detail: z.enum(FEED_DETAILS, { error: `The detail is one of ${FEED_DETAILS.join(", ")}` }),
});

export const calendarFeedView = z
  .object({
    id: uuid,
    practitionerId: uuid.nullable(),
    /** "Whole clinic" or the practitioner's name. */
    label: z.string(),
    hint: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "CalendarFeed" });

/** The whole clinic's feed shows every practitioner's appointments: owners and admins only. */
const WHOLE_CLINIC_FEED_ROLES: readonly string[] = ["owner", "admin"];
export const mayUseWholeClinicFeed = (role: string) => WHOLE_CLINIC_FEED_ROLES.includes(role);
