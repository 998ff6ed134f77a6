import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

/** The live calendar feed: every open calendar of the clinic, whoever looks at it. */
export const feedAccess = {
  "calendar.changes": STAFF_ROLES,
} as const satisfies Record<string, Access>;
