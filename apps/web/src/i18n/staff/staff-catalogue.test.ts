// @vitest-environment node
// The staff screens' catalogues: French has exactly the English keys and placeholders, and every
// key the staff code asks for exists.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import fr from "./fr.json";

const src = fileURLToPath(new URL("../..", import.meta.url));
/** The staff screens' code: the staff folder and the staff frame (the rest of shell/ is the patient pages'). */
const staffFiles = [
  ...readdirSync(path.join(src, "staff"), { recursive: true, encoding: "utf8" }).map((file) => path.join("staff", file)),
  ...readdirSync(path.join(src, "shell"), { encoding: "utf8" }).filter((file) => file.startsWith("Staff")).map((file) => path.join("shell", file)),
];
const sources = staffFiles
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => readFileSync(path.join(src, file), "utf8"))
  .join("\n");
const keysInCode = new Set([...sources.matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => m[1]!));
const quotedInCode = new Set([...sources.matchAll(/"([a-z]+(?:\.[a-zA-Z_]+)+)"/g)].map((m) => m[1]!));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("staff catalogues", () => {
  it("French has exactly the English keys, each with the same placeholders", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(fr)) {
      expect(placeholders(text), key).toEqual(placeholders((en as Record<string, string>)[key]!));
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("has every key the code asks for, and none it never mentions", () => {
    const english = new Set(Object.keys(en));
    expect([...keysInCode].filter((key) => !english.has(key))).toEqual([]);
    expect([...english].filter((key) => !quotedInCode.has(key))).toEqual([]);
  });
});
