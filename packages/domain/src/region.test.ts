import { describe, expect, it } from "vitest";
import { countryForTimeZone, isCountryCode, isCurrencyCode, isLocaleTag, proposeClinicRegion, ZONE_COUNTRIES } from "./region";
import { isKnownTimeZone } from "./time";

describe("a clinic's region from its time zone", () => {
  it("proposes the United States, American English and dollars for Los Angeles", () => {
    expect(proposeClinicRegion("America/Los_Angeles")).toEqual({ country: "US", locale: "en-US", currency: "USD" });
  });

  it("proposes France, French and euros for Paris, and Switzerland with francs for Zurich", () => {
    expect(proposeClinicRegion("Europe/Paris")).toEqual({ country: "FR", locale: "fr-FR", currency: "EUR" });
    expect(proposeClinicRegion("Europe/Zurich")).toEqual({ country: "CH", locale: "de-CH", currency: "CHF" });
  });

  it("names no country for UTC or a zone it does not know, and falls back to English and euros", () => {
    expect(countryForTimeZone("UTC")).toBeNull();
    expect(countryForTimeZone("Etc/GMT+3")).toBeNull();
    expect(proposeClinicRegion("UTC")).toEqual({ country: null, locale: "en", currency: "EUR" });
  });

  it("lists only zones, countries, locales and currencies that exist", () => {
    for (const [zone, country] of Object.entries(ZONE_COUNTRIES)) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
      expect(isCountryCode(country), `${zone} -> ${country}`).toBe(true);
      const proposal = proposeClinicRegion(zone);
      expect(proposal.country, zone).toBe(country);
      expect(isLocaleTag(proposal.locale), proposal.locale).toBe(true);
      expect(isCurrencyCode(proposal.currency), proposal.currency).toBe(true);
    }
  });
});

describe("code checks", () => {
  it("accepts assigned country codes in capitals only", () => {
    expect(isCountryCode("FR")).toBe(true);
    for (const bad of ["fr", "FRA", "XX", "ZZ", "", "F1"]) expect(isCountryCode(bad), bad).toBe(false);
  });

  it("accepts canonical locale tags and formattable currencies only", () => {
    expect(isLocaleTag("fr-FR")).toBe(true);
    expect(isLocaleTag("en")).toBe(true);
    for (const bad of ["fr_fr", "fr-fr", "", "not a locale"]) expect(isLocaleTag(bad), bad).toBe(false);
    expect(isCurrencyCode("USD")).toBe(true);
    for (const bad of ["usd", "ABC", "US"]) expect(isCurrencyCode(bad), bad).toBe(false);
  });
});
