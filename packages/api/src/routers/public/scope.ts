// How the public procedures reach a clinic: by its slug (kept in memory), and inside the
// database's "public" scope, which may write bookings but never read patient rows.
import { withTenant, type Transaction } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { CLINICS, NO_EXPIRY } from "../../cache/public-reads";
import { clinicCacheFor, type Cached } from "../../cache/clinic-cache";
import type { Context } from "../../context";
import { NotFoundError } from "../../errors";

export type Clinic = typeof clinics.$inferSelect;

export async function clinicBySlug(ctx: Context, slug: string): Promise<Clinic> {
  const load = async (): Promise<Cached<Clinic>> => {
    const [clinic] = await ctx.deps.db.transaction((tx) => tx.select().from(clinics).where(eq(clinics.slug, slug)));
    if (!clinic) throw new NotFoundError("Clinic");
    return { clinicId: clinic.id, value: clinic, expiresAt: NO_EXPIRY };
  };
  const cache = clinicCacheFor<Clinic>(ctx.deps, CLINICS);
  return cache ? cache.get(slug, load) : (await load()).value;
}

/**
 * The public scope. `userId` is a signed-in patient's account (myAppointments.*): the scope still
 * reads no patient row, but account_patients() (migration 0034) finds that account's own.
 */
export const asPublic = <T>(ctx: Context, clinicId: string, work: (tx: Transaction) => Promise<T>, userId: string | null = null) =>
  withTenant(ctx.deps.db, { clinicId, userId, role: "public" }, work);
