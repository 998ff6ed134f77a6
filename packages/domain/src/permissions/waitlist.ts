import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

const frontDesk = ["owner", "admin", "receptionist"] as const;

/** The waitlist (issue 17): patients join and claim online; the front desk runs it, every staff role reads it. */
export const waitlistAccess = {
  "public.waitlist.join": "anyone",
  "public.waitlist.offer": "anyone",
  "public.waitlist.claim": "anyone",
  "waitlist.list": STAFF_ROLES,
  "waitlist.add": frontDesk,
  "waitlist.book": frontDesk,
  "waitlist.remove": frontDesk,
} as const satisfies Record<string, Access>;
