import type { Transaction } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { NotFoundError } from "../errors";

/** The clinic in scope (its zone and booking policy). */
export async function clinicOf(tx: Transaction, clinicId: string) {
  const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic) throw new NotFoundError("Clinic");
  return clinic;
}
