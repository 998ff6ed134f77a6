// Which patient actions a role is offered. The API enforces the same table; `satisfies` below
// fails the typecheck the day the server's permission table and this list disagree.
import type { StaffRole } from "../types";
import type { ArchivingRole } from "./types";

const ARCHIVING_ROLES = { owner: true, admin: true, receptionist: true } as const satisfies Record<ArchivingRole, true>;

export function mayArchivePatients(role: StaffRole): boolean {
  return role in ARCHIVING_ROLES;
}
