// What an API key may call (ADR 0028). A key is not a person: it has no role, only scopes, and it
// reaches only the procedures listed here. Everything else (sign-in, accounts, staff, the keys
// themselves) needs a signed-in session, whatever the key's scopes.
import type { ProcedurePath } from ".";

export const API_KEY_SCOPES = ["calendar:read", "appointments:write", "patients:read", "setup:manage", "reports:read", "patients:merge"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_NAMES: Record<ApiKeyScope, string> = {
  "calendar:read": "Read the calendar, practitioners, services and hours",
  "appointments:write": "Book, move and cancel appointments (and add patients while booking)",
  "patients:read": "Read patient records and contact details",
  "setup:manage": "Change practitioners and services, read the sites that may embed the booking page",
  "reports:read": "Read the clinic's reports (figures per practitioner and service, no patient data)",
  "patients:merge": "Merge duplicate patient records and undo a merge",
};

/** The scopes a key needs for each procedure it may call; [] for the public booking procedures. */
export const API_KEY_ACCESS = {
  "public.clinic": [],
  "public.slots": [],
  "public.book": [],
  "calendar.range": ["calendar:read"],
  "practitioners.list": ["calendar:read"],
  "services.list": ["calendar:read"],
  "schedule.getWeek": ["calendar:read"],
  // The appointment comes with the patient's contact details.
  "appointments.get": ["calendar:read", "patients:read"],
  "appointments.create": ["appointments:write"],
  "appointments.reschedule": ["appointments:write"],
  "appointments.cancel": ["appointments:write"],
  "appointments.setStatus": ["appointments:write"],
  "patients.search": ["patients:read"],
  "patients.get": ["patients:read"],
  "patients.create": ["appointments:write"],
  "practitioners.create": ["setup:manage"],
  "practitioners.update": ["setup:manage"],
  "services.create": ["setup:manage"],
  "services.update": ["setup:manage"],
  "clinic.brand.get": ["calendar:read"],
  "clinic.embed.get": ["setup:manage"],
  "reports.dashboard": ["reports:read"],
  // Issue 17's procedures (ADR 0048): the finder and a series preview read the calendar; the rest
  // books or changes appointments; the waitlist and possible duplicates show patients' names.
  "public.waitlist.join": [],
  "appointments.freeTimes": ["calendar:read"],
  "appointments.series.preview": ["calendar:read"],
  "appointments.series.book": ["appointments:write"],
  "appointments.series.move": ["appointments:write"],
  "appointments.series.cancel": ["appointments:write"],
  "appointments.followUp": ["appointments:write"],
  "appointments.revertStatus": ["appointments:write"],
  "waitlist.list": ["patients:read"],
  "waitlist.add": ["appointments:write"],
  "waitlist.book": ["appointments:write"],
  "waitlist.remove": ["appointments:write"],
  "patients.duplicates": ["patients:read"],
  // A merge moves every appointment, message and note of a record: its own scope, never implied.
  "patients.merge": ["patients:merge"],
  "patients.unmerge": ["patients:merge"],
} as const satisfies Partial<Record<ProcedurePath, readonly ApiKeyScope[]>>;

/** The scopes `path` needs from a key, or null when keys may not call it at all. */
export function apiKeyScopesFor(path: string): readonly ApiKeyScope[] | null {
  return Object.hasOwn(API_KEY_ACCESS, path) ? API_KEY_ACCESS[path as keyof typeof API_KEY_ACCESS] : null;
}
