import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import type { StaffScope } from "../../trpc";

/** The clinic's locale: templates are kept per language. */
export async function clinicLocale(staff: StaffScope): Promise<string> {
  const [clinic] = await staff.tx.select({ locale: clinics.locale }).from(clinics).where(eq(clinics.id, staff.clinicId));
  return clinic!.locale;
}
