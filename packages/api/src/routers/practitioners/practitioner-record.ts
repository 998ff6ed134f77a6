// A practitioner as the settings screens see it, loaded in the staff member's clinic.
import { memberships, practitioners } from "@frontdesk/db/schema";
import { and, eq, ne } from "drizzle-orm";
import { ConflictError, NotFoundError } from "../../errors";
import type { StaffScope } from "../../trpc";


/** One practitioner of the caller's clinic, or NOT_FOUND (another clinic's id looks the same). */
export async function loadPractitioner(staff: StaffScope, practitionerId: string) {
  const [practitioner] = await staff.tx
    .select()
    .from(practitioners)
    .where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitionerId)));
  if (!practitioner) throw new NotFoundError("Practitioner");
  return practitioner;
}

/** A practitioner's sign-in must be a member of this clinic, and belong to one practitioner only. */
export async function assertLinkableUser(staff: StaffScope, userId: string, practitionerId: string | null) {
  const [member] = await staff.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.clinicId, staff.clinicId), eq(memberships.userId, userId)));
  if (!member) throw new NotFoundError("Staff member");
  const [taken] = await staff.tx
    .select({ id: practitioners.id, displayName: practitioners.displayName })
    .from(practitioners)
    .where(
      and(
        eq(practitioners.clinicId, staff.clinicId),
        eq(practitioners.userId, userId),
        ...(practitionerId ? [ne(practitioners.id, practitionerId)] : []),
      ),
    );
  if (taken) throw new ConflictError(`That sign-in already belongs to ${taken.displayName}`, { reason: "USER_ALREADY_LINKED" });
}

export const view = (p: typeof practitioners.$inferSelect, serviceIds: string[]) => ({
  id: p.id,
  displayName: p.displayName,
  colour: p.colour,
  active: p.active,
  userId: p.userId,
  serviceIds,
});
