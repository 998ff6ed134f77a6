import { describe, expect, it } from "vitest";
import { accentContrastProblem, ACCENT_COMPANIONS, contrastRatio, mapLinkFor, readableAccent } from "./brand";
import { accentColour } from "./schemas/brand";

describe("accent colours", () => {
  it("measure contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1d5fb8", "#ffffff")).toBeCloseTo(6.21, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("accept the built-in accent and refuse a light one with a darker shade that passes everywhere", () => {
    expect(accentContrastProblem("#1D5FB8")).toBeNull();
    const problem = accentContrastProblem("#ffcc00")!;
    expect(problem.ratio).toBeLessThan(4.5);
    for (const companion of ACCENT_COMPANIONS) expect(contrastRatio(problem.suggestion, companion.hex)).toBeGreaterThanOrEqual(4.5);
    expect(readableAccent("#ffffff")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("are stored lowercase, and refused with a sentence when unreadable or malformed", () => {
    expect(accentColour.parse(" #0B5E3A ")).toBe("#0b5e3a");
    expect(accentColour.safeParse("#ffcc00").error?.issues[0]?.message).toMatch(/needs 4\.5:1\. Try a darker shade such as #/);
    expect(accentColour.safeParse("blue").error?.issues).toHaveLength(1);
  });
});

describe("map links", () => {
  it("search OpenStreetMap for the address, or are absent without one", () => {
    expect(mapLinkFor("12 rue de la Santé,\n75013 Paris")).toBe("https://www.openstreetmap.org/search?query=12%20rue%20de%20la%20Sant%C3%A9%2C%2075013%20Paris");
    expect(mapLinkFor("  ")).toBeNull();
    expect(mapLinkFor(null)).toBeNull();
  });
});
