import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

/** The live calendar feed: every open calendar of the clinic, whoever looks at it. */
export const feedAccess = {
  "calendar.changes": STAFF_ROLES,
} as const satisfies Record<string, Access>;

/**
 * Calendar subscription URLs (ADR 0040): admins for anyone and the whole clinic; a practitioner
 * for their own calendar (checked in the handler). Session-only: a key never makes a feed.
 */
export const calendarFeedsAccess = {
  "clinic.calendarFeeds.list": ["owner", "admin", "practitioner"],
  "clinic.calendarFeeds.create": ["owner", "admin", "practitioner"],
  "clinic.calendarFeeds.revoke": ["owner", "admin", "practitioner"],
  "clinic.calendarFeeds.setDetail": ["owner", "admin", "practitioner"],
} as const satisfies Record<string, Access>;
