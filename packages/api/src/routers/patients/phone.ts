// Every phone number a patient record gets passes here (ADR 0036): staff forms, online booking,
// the waitlist. It is stored in E.164, read in the clinic's country when typed without +country.
import type { Transaction } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { countryForTimeZone, toE164 } from "@frontdesk/domain";
import { eq } from "drizzle-orm";
import { RuleError } from "../../errors";

/** The country national numbers are read in: the clinic's, else its time zone's. */
export const phoneCountryOf = (clinic: { country: string | null; timezone: string }) => clinic.country ?? countryForTimeZone(clinic.timezone);

export async function clinicPhoneCountry(tx: Transaction, clinicId: string): Promise<string | null> {
  const [clinic] = await tx.select({ country: clinics.country, timezone: clinics.timezone }).from(clinics).where(eq(clinics.id, clinicId));
  return clinic ? phoneCountryOf(clinic) : null;
}

/** The number as stored (E.164), null or undefined as given, or a clear refusal. */
export function storedPhone<T extends string | null | undefined>(typed: T, country: string | null): T extends string ? string : T {
  type Out = T extends string ? string : T;
  if (typed === null || typed === undefined || typed === "") return (typed === "" ? null : typed) as Out;
  const e164 = toE164(typed, country);
  if (!e164) throw new RuleError(country ? "This is not a phone number we can call: check it, or start it with + and the country code" : "Start the phone number with + and its country code");
  return e164 as Out;
}
