// @vitest-environment node
// The patient pages' catalogues: every language has every key (in each plural form its language
// needs), every key the code asks for exists, and no key sits in a catalogue unused.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import de from "./locales/de.json";
import en from "./locales/en.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";
import { PATIENT_LANGUAGES, type PatientLanguage } from "./patient-i18n";

const catalogues: Record<PatientLanguage, Record<string, string>> = { en, fr, de, es };
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, "");
const pluralBases = (catalogue: Record<string, string>) => new Set(Object.keys(catalogue).filter((k) => PLURAL.test(k)).map(baseKey));

/** The patient pages' code: the folders whose strings the catalogues hold. */
const src = fileURLToPath(new URL("..", import.meta.url));
const PATIENT_FOLDERS = ["booking", "manage", "my-appointments", "i18n", "shell", "routes"];
const sources = PATIENT_FOLDERS.flatMap((folder) =>
  readdirSync(path.join(src, folder), { recursive: true, encoding: "utf8" })
    // The staff screens' own catalogues and frame (src/i18n/staff, shell/Staff*) are checked by staff-catalogue.test.ts.
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith("staff") && !file.startsWith("Staff"))
    .map((file) => readFileSync(path.join(src, folder, file), "utf8")),
).join("\n");
/** Keys are always written out in full in the code (never built from pieces), so a search finds them. */
const keysInCode = new Set([...sources.matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => m[1]!));
const quotedInCode = new Set([...sources.matchAll(/"([a-z]+(?:\.[a-zA-Z_]+)+)"/g)].map((m) => m[1]!));

describe("patient page catalogues", () => {
  const english = new Set(Object.keys(en).map(baseKey));

  it.each(PATIENT_LANGUAGES)("%s has exactly the English keys", (language) => {
    const keys = new Set(Object.keys(catalogues[language]).map(baseKey));
    expect([...english].filter((k) => !keys.has(k)), "missing").toEqual([]);
    expect([...keys].filter((k) => !english.has(k)), "not in English").toEqual([]);
  });

  it.each(PATIENT_LANGUAGES)("%s has every plural form its language uses, and plurals where English has them", (language) => {
    const catalogue = catalogues[language];
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    expect([...pluralBases(catalogue)].sort()).toEqual([...pluralBases(en)].sort());
    for (const base of pluralBases(en)) {
      expect(categories.filter((category) => !(`${base}_${category}` in catalogue)), `${language} ${base}`).toEqual([]);
    }
  });

  it.each(PATIENT_LANGUAGES)("%s keeps every placeholder of the English text", (language) => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogues[language])) {
      const englishText = (en as Record<string, string>)[key] ?? (en as Record<string, string>)[`${baseKey(key)}_other`] ?? "";
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(englishText));
      expect(text.trim(), `${language} ${key}`).not.toBe("");
    }
  });

  it("has every key the code asks for", () => {
    expect(keysInCode.size).toBeGreaterThan(50);
    expect([...keysInCode].filter((key) => !english.has(key))).toEqual([]);
  });

  it("has no key the code never mentions", () => {
    expect([...english].filter((key) => !quotedInCode.has(key))).toEqual([]);
  });
});
