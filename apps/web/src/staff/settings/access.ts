// Who may open the clinic settings. The API refuses everyone else anyway (packages/api
// permissions: clinic.settings.update, practitioners.create, … are owner/admin); this spares
// receptionists and practitioners a screen of refusals.
import type { StaffRole } from "../types";

export function mayOpenSettings(role: StaffRole): boolean {
  return role === "owner" || role === "admin";
}
