import { STAFF_ROLES } from "../roles";
import type { Access } from ".";

/** Feature flags (ADR 0039): staff see what is on; the owner switches the owner flags. */
export const flagsAccess = {
  "clinic.flags.get": STAFF_ROLES,
  "clinic.flags.set": ["owner"],
} as const satisfies Record<string, Access>;
