// Whether a clinic runs a waitlist: the one place the per-clinic feature flag `waitlist` (issue 19)
// is read. Joining online and offering freed times both ask here.
import type { Transaction } from "@frontdesk/db";

export async function waitlistEnabled(_tx: Transaction, _clinicId: string): Promise<boolean> {
  // Until the clinic feature flags exist, every clinic has the waitlist.
  return true;
}
