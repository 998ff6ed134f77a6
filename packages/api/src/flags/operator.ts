// The platform operator's side of the flags (ADR 0039), for `pnpm flags`: list a clinic's flags,
// or override one (any flag; `null` removes the override). Runs on the owner role's connection:
// the app role cannot write `operator_flags` (a trigger refuses it, migration 0025).
import { withTenant, type Database } from "@frontdesk/db";
import { auditLog, clinics } from "@frontdesk/db/schema";
import { resolveFlag, type FlagName, type ResolvedFlag, FLAG_NAMES } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import { withOverride } from "../routers/clinic-flags";

async function clinicIdBySlug(db: Database, slug: string): Promise<string | null> {
  const [row] = await db.transaction((tx) => tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, slug)));
  return row?.id ?? null;
}

/** Every flag of the clinic with `slug` and where its value comes from; null for no such clinic. */
export async function listClinicFlags(db: Database, slug: string): Promise<ResolvedFlag[] | null> {
  const [row] = await db.transaction((tx) => tx.select().from(clinics).where(eq(clinics.slug, slug)));
  return row ? FLAG_NAMES.map((name) => resolveFlag(name, row)) : null;
}

/** Sets (or with `null` removes) the operator's override of `name`, audited as the operator; null for no such clinic. */
export async function setOperatorFlag(db: Database, slug: string, name: FlagName, value: boolean | null, now: Date): Promise<ResolvedFlag | null> {
  const clinicId = await clinicIdBySlug(db, slug);
  if (!clinicId) return null;
  // The scope's role "owner" satisfies the clinics update policy; no user: the operator is nobody's account.
  return withTenant(db, { clinicId, userId: null, role: "owner" }, async (tx) => {
    const [before] = await tx.select().from(clinics).where(eq(clinics.id, clinicId)).for("update");
    const [after] = await tx
      .update(clinics)
      .set({ operatorFlags: withOverride(before!.operatorFlags, name, value), updatedAt: now })
      .where(eq(clinics.id, clinicId))
      .returning();
    const old = resolveFlag(name, before!);
    const resolved = resolveFlag(name, after!);
    await tx.insert(auditLog).values({
      clinicId,
      actorUserId: null,
      actorKind: "operator",
      action: "set_flag",
      entity: "clinic",
      entityId: clinicId,
      changes: { [`flags.${name}`]: [old.value, resolved.value] },
      requestId: null,
    });
    return resolved;
  });
}
