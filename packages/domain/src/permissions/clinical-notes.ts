import type { Access } from ".";

/**
 * Clinical notes (ADR 0026): practitioners read and write them; owners and admins read them only
 * when the clinic opens them to admins (checked in the handler); receptionists never, by any
 * procedure (none of search, export, the live feed or appointments.get carries a note).
 */
const readers = ["owner", "admin", "practitioner"] as const;
const writers = ["practitioner"] as const;

export const clinicalNotesAccess = {
  "notes.list": readers,
  "notes.saveDraft": writers,
  "notes.sign": writers,
  "notes.discardDraft": writers,
  "notes.policy": readers,
  "notes.setOpenToAdmins": ["owner"],
} as const satisfies Record<string, Access>;
