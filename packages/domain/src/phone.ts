// Phone numbers (ADR 0036): stored in E.164 ("+33605555754"), read in the clinic's country when
// typed without one ("06 05 55 57 54" in France), shown in the clinic's national format, and
// found however they are typed. libphonenumber-js with its "min" metadata: parsing and formatting
// by country without the per-type tables (which would triple the browser's share of it).
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

/** A country code libphonenumber knows, or undefined (a clinic without a country: only +numbers parse). */
const countryOf = (country: string | null | undefined) => (country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined);

/** The number in E.164, or null when it cannot be a phone number (in `country` when it has no +prefix). */
export function toE164(typed: string, country: string | null | undefined): string | null {
  const trimmed = typed.trim().replace(/^00(?=[1-9])/, "+");
  const parsed = parsePhoneNumberFromString(trimmed, countryOf(country));
  return parsed?.isPossible() ? parsed.number : null;
}

/** How staff and patients read a stored number: national format at home, international otherwise; as stored when it does not parse. */
export function formatPhone(stored: string | null, country: string | null | undefined): string | null {
  if (!stored) return stored;
  const parsed = parsePhoneNumberFromString(stored, countryOf(country));
  if (!parsed) return stored;
  return parsed.country && parsed.country === countryOf(country) ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * The digits patients.search looks for when staff type a phone number, to match the stored
 * E.164 digits: the full number's digits when what was typed is a whole number in the clinic's
 * country ("06 05 55 57 54" gives "33605555754"), otherwise the typed digits without their
 * leading zeros (a trunk or international prefix: "06 05" gives "605", "0033 6" gives "336").
 */
export function phoneSearchDigits(typed: string, country: string | null | undefined): string {
  const whole = toE164(typed, country);
  if (whole) return whole.slice(1);
  return typed.replace(/\D/g, "").replace(/^0+/, "");
}
