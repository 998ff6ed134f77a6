import type { Access } from ".";

/** The live calendar feed: every open calendar of the clinic, whoever looks at it. */
export const feedAccess = {
  "calendar.changes": ["owner", "admin", "receptionist", "practitioner"],
} as const satisfies Record<string, Access>;
