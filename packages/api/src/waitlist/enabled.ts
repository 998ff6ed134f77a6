// Whether a clinic runs a waitlist: the per-clinic feature flag `waitlist` (issue 19, ADR 0039),
// read here for every waitlist path. Joining (online or by staff) is refused with FEATURE_OFF when
// it is off; freed times are then not offered. Offers already sent may still be claimed.
import type { Transaction } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { FeatureOffError, flagsOfClinic, requireFlag } from "../flags/read";

const OFF = "This clinic does not keep a waitlist. Please call the clinic to ask for a time.";

/** In a job or a handler's transaction: whether the clinic offers freed times to its waitlist. */
export async function waitlistEnabled(tx: Transaction, clinicId: string): Promise<boolean> {
  const [clinic] = await tx.select({ ownerFlags: clinics.ownerFlags, operatorFlags: clinics.operatorFlags }).from(clinics).where(eq(clinics.id, clinicId));
  return clinic ? flagsOfClinic(clinic).waitlist : false;
}

/** Refuses with FEATURE_OFF unless the clinic (a row the caller holds) keeps a waitlist. */
export function requireWaitlist(clinic: { ownerFlags: unknown; operatorFlags: unknown }): void {
  requireFlag(flagsOfClinic(clinic), "waitlist", OFF);
}

/** Same, for a staff handler that holds only the clinic's id. */
export async function requireWaitlistIn(tx: Transaction, clinicId: string): Promise<void> {
  if (!(await waitlistEnabled(tx, clinicId))) throw new FeatureOffError("waitlist", OFF);
}
