// The account mails' catalogues are complete and consistent (ADR 0072): a translation that drops
// a key or a placeholder, or keeps the English, fails here, not in a new colleague's inbox.
import { PATIENT_LANGUAGES, STAFF_ROLES } from "@frontdesk/domain";
import { describe, expect, it } from "vitest";
import { ACCOUNT_CATALOGUES, accountMailLanguage } from ".";

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]))].sort();
const english = ACCOUNT_CATALOGUES.en;
const others = PATIENT_LANGUAGES.filter((l) => l !== "en");

describe("the account mails' catalogues", () => {
  it.each(others)("%s has every English key and no other", (language) => {
    expect(Object.keys(ACCOUNT_CATALOGUES[language]).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(others)("%s uses the same placeholders as English in every entry, and translates each", (language) => {
    for (const [key, text] of Object.entries(english)) {
      const translated = ACCOUNT_CATALOGUES[language][key as keyof typeof english];
      expect(placeholders(translated), `${language} ${key}`).toEqual(placeholders(text));
      expect(translated, `${language} ${key} is still English`).not.toBe(text);
    }
  });

  it("names every staff role an invitation can offer, and only those", () => {
    const roles = Object.keys(english).filter((key) => key.startsWith("role.")).map((key) => key.slice("role.".length));
    expect(roles.sort()).toEqual([...STAFF_ROLES].sort());
  });
});

describe("which language an account mail speaks", () => {
  it("is the clinics' language when they share one", () => {
    expect(accountMailLanguage(["fr-FR"])).toBe("fr");
    expect(accountMailLanguage(["fr-FR", "fr-CA", "fr"])).toBe("fr");
    expect(accountMailLanguage(["de-AT"])).toBe("de");
    expect(accountMailLanguage(["es-ES", "es"])).toBe("es");
  });

  it("is English without a clinic, with clinics of different languages, or in a language we have no catalogue for", () => {
    expect(accountMailLanguage([])).toBe("en");
    expect(accountMailLanguage(["fr-FR", "de-DE"])).toBe("en");
    expect(accountMailLanguage(["ja-JP"])).toBe("en");
    expect(accountMailLanguage(["en-US", "en-GB"])).toBe("en");
  });
});
