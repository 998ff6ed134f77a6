// Where a clinic is: its country (ISO 3166-1 alpha-2), and the locale and currency a new clinic is
// offered from its time zone. The zone is the one thing every clinic already gives us; a zone
// names a country, and a country a usual language and currency. The owner can change all three.
// The table below is also what the migration that added `clinics.country` filled existing clinics
// from (packages/db/src/clinic-country.test.ts keeps the two equal).

/** IANA zone -> the country it belongs to. Zones not listed (UTC, Etc/*, rare ones) propose none. */
export const ZONE_COUNTRIES: Readonly<Record<string, string>> = {
  // Europe
  "Europe/Amsterdam": "NL",
  "Europe/Andorra": "AD",
  "Europe/Athens": "GR",
  "Europe/Belgrade": "RS",
  "Europe/Berlin": "DE",
  "Europe/Bratislava": "SK",
  "Europe/Brussels": "BE",
  "Europe/Bucharest": "RO",
  "Europe/Budapest": "HU",
  "Europe/Busingen": "DE",
  "Europe/Copenhagen": "DK",
  "Europe/Dublin": "IE",
  "Europe/Helsinki": "FI",
  "Europe/Istanbul": "TR",
  "Europe/Kyiv": "UA",
  "Europe/Lisbon": "PT",
  "Europe/Ljubljana": "SI",
  "Europe/London": "GB",
  "Europe/Luxembourg": "LU",
  "Europe/Madrid": "ES",
  "Europe/Malta": "MT",
  "Europe/Monaco": "MC",
  "Europe/Oslo": "NO",
  "Europe/Paris": "FR",
  "Europe/Prague": "CZ",
  "Europe/Riga": "LV",
  "Europe/Rome": "IT",
  "Europe/Sofia": "BG",
  "Europe/Stockholm": "SE",
  "Europe/Tallinn": "EE",
  "Europe/Vienna": "AT",
  "Europe/Vilnius": "LT",
  "Europe/Warsaw": "PL",
  "Europe/Zagreb": "HR",
  "Europe/Zurich": "CH",
  "Atlantic/Canary": "ES",
  "Atlantic/Madeira": "PT",
  "Atlantic/Azores": "PT",
  "Atlantic/Reykjavik": "IS",
  "Africa/Ceuta": "ES",
  // Americas
  "America/New_York": "US",
  "America/Detroit": "US",
  "America/Chicago": "US",
  "America/Denver": "US",
  "America/Phoenix": "US",
  "America/Los_Angeles": "US",
  "America/Anchorage": "US",
  "Pacific/Honolulu": "US",
  "America/Toronto": "CA",
  "America/Vancouver": "CA",
  "America/Edmonton": "CA",
  "America/Winnipeg": "CA",
  "America/Halifax": "CA",
  "America/St_Johns": "CA",
  "America/Montreal": "CA",
  "America/Mexico_City": "MX",
  "America/Tijuana": "MX",
  "America/Cancun": "MX",
  "America/Bogota": "CO",
  "America/Lima": "PE",
  "America/Santiago": "CL",
  "America/Argentina/Buenos_Aires": "AR",
  "America/Buenos_Aires": "AR",
  "America/Montevideo": "UY",
  "America/Caracas": "VE",
  "America/Guayaquil": "EC",
  "America/Sao_Paulo": "BR",
  "America/Puerto_Rico": "PR",
  // Africa, Asia, Oceania
  "Africa/Abidjan": "CI",
  "Africa/Algiers": "DZ",
  "Africa/Casablanca": "MA",
  "Africa/Dakar": "SN",
  "Africa/Johannesburg": "ZA",
  "Africa/Lagos": "NG",
  "Africa/Nairobi": "KE",
  "Africa/Tunis": "TN",
  "Africa/Cairo": "EG",
  "Asia/Dubai": "AE",
  "Asia/Jerusalem": "IL",
  "Asia/Kolkata": "IN",
  "Asia/Singapore": "SG",
  "Asia/Hong_Kong": "HK",
  "Asia/Shanghai": "CN",
  "Asia/Tokyo": "JP",
  "Asia/Seoul": "KR",
  "Australia/Sydney": "AU",
  "Australia/Melbourne": "AU",
  "Australia/Brisbane": "AU",
  "Australia/Perth": "AU",
  "Australia/Adelaide": "AU",
  "Pacific/Auckland": "NZ",
  "Indian/Reunion": "RE",
  "America/Martinique": "MQ",
  "America/Guadeloupe": "GP",
};

/** A country's usual locale and currency, for the countries the zone table names. */
const COUNTRY_DEFAULTS: Readonly<Record<string, { locale: string; currency: string }>> = {
  AD: { locale: "ca-AD", currency: "EUR" },
  AT: { locale: "de-AT", currency: "EUR" },
  BE: { locale: "fr-BE", currency: "EUR" },
  BG: { locale: "bg-BG", currency: "BGN" },
  CH: { locale: "de-CH", currency: "CHF" },
  CZ: { locale: "cs-CZ", currency: "CZK" },
  DE: { locale: "de-DE", currency: "EUR" },
  DK: { locale: "da-DK", currency: "DKK" },
  EE: { locale: "et-EE", currency: "EUR" },
  ES: { locale: "es-ES", currency: "EUR" },
  FI: { locale: "fi-FI", currency: "EUR" },
  FR: { locale: "fr-FR", currency: "EUR" },
  GB: { locale: "en-GB", currency: "GBP" },
  GR: { locale: "el-GR", currency: "EUR" },
  HR: { locale: "hr-HR", currency: "EUR" },
  HU: { locale: "hu-HU", currency: "HUF" },
  IE: { locale: "en-IE", currency: "EUR" },
  IS: { locale: "is-IS", currency: "ISK" },
  IT: { locale: "it-IT", currency: "EUR" },
  LT: { locale: "lt-LT", currency: "EUR" },
  LU: { locale: "fr-LU", currency: "EUR" },
  LV: { locale: "lv-LV", currency: "EUR" },
  MC: { locale: "fr-MC", currency: "EUR" },
  MT: { locale: "en-MT", currency: "EUR" },
  NL: { locale: "nl-NL", currency: "EUR" },
  NO: { locale: "nb-NO", currency: "NOK" },
  PL: { locale: "pl-PL", currency: "PLN" },
  PT: { locale: "pt-PT", currency: "EUR" },
  RO: { locale: "ro-RO", currency: "RON" },
  RS: { locale: "sr-RS", currency: "RSD" },
  SE: { locale: "sv-SE", currency: "SEK" },
  SI: { locale: "sl-SI", currency: "EUR" },
  SK: { locale: "sk-SK", currency: "EUR" },
  TR: { locale: "tr-TR", currency: "TRY" },
  UA: { locale: "uk-UA", currency: "UAH" },
  US: { locale: "en-US", currency: "USD" },
  CA: { locale: "en-CA", currency: "CAD" },
  MX: { locale: "es-MX", currency: "MXN" },
  CO: { locale: "es-CO", currency: "COP" },
  PE: { locale: "es-PE", currency: "PEN" },
  CL: { locale: "es-CL", currency: "CLP" },
  AR: { locale: "es-AR", currency: "ARS" },
  UY: { locale: "es-UY", currency: "UYU" },
  VE: { locale: "es-VE", currency: "VES" },
  EC: { locale: "es-EC", currency: "USD" },
  BR: { locale: "pt-BR", currency: "BRL" },
  PR: { locale: "es-PR", currency: "USD" },
  CI: { locale: "fr-CI", currency: "XOF" },
  DZ: { locale: "fr-DZ", currency: "DZD" },
  MA: { locale: "fr-MA", currency: "MAD" },
  SN: { locale: "fr-SN", currency: "XOF" },
  ZA: { locale: "en-ZA", currency: "ZAR" },
  NG: { locale: "en-NG", currency: "NGN" },
  KE: { locale: "en-KE", currency: "KES" },
  TN: { locale: "fr-TN", currency: "TND" },
  EG: { locale: "ar-EG", currency: "EGP" },
  AE: { locale: "en-AE", currency: "AED" },
  IL: { locale: "he-IL", currency: "ILS" },
  IN: { locale: "en-IN", currency: "INR" },
  SG: { locale: "en-SG", currency: "SGD" },
  HK: { locale: "en-HK", currency: "HKD" },
  CN: { locale: "zh-CN", currency: "CNY" },
  JP: { locale: "ja-JP", currency: "JPY" },
  KR: { locale: "ko-KR", currency: "KRW" },
  AU: { locale: "en-AU", currency: "AUD" },
  NZ: { locale: "en-NZ", currency: "NZD" },
  RE: { locale: "fr-RE", currency: "EUR" },
  MQ: { locale: "fr-MQ", currency: "EUR" },
  GP: { locale: "fr-GP", currency: "EUR" },
};

/** What a clinic with no known country is offered: English, euros (the defaults before countries existed). */
const FALLBACK = { locale: "en", currency: "EUR" } as const;

/** The country a time zone belongs to, or null when the zone names none (UTC) or is not in the table. */
export function countryForTimeZone(timeZone: string): string | null {
  return ZONE_COUNTRIES[timeZone] ?? null;
}

export interface ClinicRegion {
  country: string | null;
  locale: string;
  currency: string;
}

/** The country, locale and currency a new clinic in this zone is offered (America/Los_Angeles: US, en-US, USD). */
export function proposeClinicRegion(timeZone: string): ClinicRegion {
  const country = countryForTimeZone(timeZone);
  const defaults = (country && COUNTRY_DEFAULTS[country]) || FALLBACK;
  return { country, locale: defaults.locale, currency: defaults.currency };
}

// Intl knows every assigned region code; with `fallback: "none"` it answers undefined for the rest.
let regionNames: Intl.DisplayNames | undefined;

/** An assigned ISO 3166-1 alpha-2 code in capitals ("FR"; not "fr", "FRA" or "XX"). */
export function isCountryCode(value: string): boolean {
  // ZZ is ISO's "unknown region", which Intl names too.
  if (!/^[A-Z]{2}$/.test(value) || value === "ZZ") return false;
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  return regionNames.of(value) !== undefined;
}

/** An ISO 4217 currency Intl can format ("USD"; not "usd" or "ABC"). */
export function isCurrencyCode(value: string): boolean {
  if (!/^[A-Z]{3}$/.test(value)) return false;
  return Intl.supportedValuesOf("currency").includes(value);
}

/** A BCP 47 locale Intl formats with (canonical spelling: "fr-FR", not "fr_fr"). */
export function isLocaleTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value)[0] === value;
  } catch {
    return false;
  }
}
