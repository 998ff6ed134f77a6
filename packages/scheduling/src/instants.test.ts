import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInstantFormatter, parseInstant } from "./instants";

describe("parseInstant", () => {
  it("reads the common RFC 3339 forms exactly as Date.parse does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(parseInstant(iso)).toBe(date.getTime());
        expect(parseInstant(iso.replace("Z", "+05:30"))).toBe(date.getTime() - 330 * 60_000);
      }),
      { numRuns: 300 },
    );
  });

  it("floors digits below a millisecond and accepts a leap day", () => {
    expect(parseInstant("2026-03-02T08:00:00.123999999Z")).toBe(Date.UTC(2026, 2, 2, 8, 0, 0, 123));
    expect(parseInstant("2028-02-29T10:00:00Z")).toBe(Date.UTC(2028, 1, 29, 10));
    expect(parseInstant("2026-03-02T08:00:00.5-03:30")).toBe(Date.UTC(2026, 2, 2, 11, 30, 0, 500));
  });

  it("rejects local date-times, impossible dates and text", () => {
    for (const text of ["2026-03-02T08:00:00", "2026-03-02T08:00:00+0a:00", "2026-03-02T08:00:00.Z", "2026-03-02T08:00:00Zjunk", "2026-02-29T10:00:00Z", "2026-03-02T24:30:00Z", "soon", ""]) {
      expect(parseInstant(text), text).toBeNull();
    }
  });
});

describe("createInstantFormatter", () => {
  it("prints what Date#toISOString prints, without a zero millisecond part", () => {
    const format = createInstantFormatter();
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }), (date) => {
        expect(format(date.getTime())).toBe(date.toISOString().replace(".000Z", "Z"));
      }),
      { numRuns: 300 },
    );
    expect(format(Date.UTC(2026, 2, 29, 7))).toBe("2026-03-29T07:00:00Z");
  });
});
