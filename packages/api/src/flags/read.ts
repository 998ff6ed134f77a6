// The read path of the per-clinic flags (ADR 0039). The flags live on the clinic's row, so:
//  - public procedures already hold that row (cached by slug): `flagsOfClinic(clinic)`;
//  - staff procedures and jobs ask `clinicFlagsFor(deps, clinicId)`, kept in this process's
//    memory per clinic and dropped on every change to the row, in every process (the clinics
//    trigger of migration 0009 notifies them all);
//  - `requireFlag` refuses a call when the clinic has switched the feature off.
import { clinics } from "@frontdesk/db/schema";
import { clinicFlags, FLAGS, type ClinicFlags, type FlagName } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import { clinicCacheFor, type CacheKind } from "../cache/clinic-cache";
import { NO_EXPIRY } from "../cache/public-reads";
import { DomainError, NotFoundError } from "../errors";
import type { ServerDeps } from "../ports";

export const CLINIC_FLAGS: CacheKind = { name: "clinic flags", options: { dependsOn: ["clinics"], maxEntries: 5000, maxAgeMs: 60_000 } };

/** The flags of a clinic row the caller holds already. */
export const flagsOfClinic = (clinic: { ownerFlags: unknown; operatorFlags: unknown }): ClinicFlags => clinicFlags(clinic);

/** The flags of clinic `clinicId`, from memory when this process holds them. */
export async function clinicFlagsFor(deps: Pick<ServerDeps, "db" | "clock" | "logger" | "listen" | "metrics">, clinicId: string): Promise<ClinicFlags> {
  const load = async () => {
    // The clinics table is readable without a tenant (its public-read policy): one short read.
    const [row] = await deps.db.transaction((tx) =>
      tx.select({ ownerFlags: clinics.ownerFlags, operatorFlags: clinics.operatorFlags }).from(clinics).where(eq(clinics.id, clinicId)),
    );
    if (!row) throw new NotFoundError("Clinic");
    return { clinicId, value: clinicFlags(row), expiresAt: NO_EXPIRY };
  };
  const cache = clinicCacheFor<ClinicFlags>(deps, CLINIC_FLAGS);
  return cache ? cache.get(clinicId, load, clinicId) : (await load()).value;
}

/** The clinic has switched a feature off: 403 with reason FEATURE_OFF and the flag's name in `details.flag`. */
export class FeatureOffError extends DomainError {
  override name = "FeatureOffError";
  constructor(flag: FlagName, message: string) {
    super("FORBIDDEN", "FEATURE_OFF", message, { flag });
  }
}

/** Throws FeatureOffError unless `flag` is on; the message is for the person (patient or staff). */
export function requireFlag(flags: ClinicFlags, flag: FlagName, message = `${FLAGS[flag].label} is switched off for this clinic`): void {
  if (!flags[flag]) throw new FeatureOffError(flag, message);
}
