import { describe, expect, it } from "vitest";
import { canRevert, MAX_SERIES_OCCURRENCES, seriesDates, tooEarlyFor } from "./index";

describe("seriesDates", () => {
  it("repeats the first date's weekday every N weeks, for a count", () => {
    expect(seriesDates("2027-03-09", { everyWeeks: 2, count: 3 })).toEqual(["2027-03-09", "2027-03-23", "2027-04-06"]);
  });

  it("takes chosen weekdays from the first date on, until an end date", () => {
    // Wednesday 10 March: that week's Monday is before the start and left out.
    expect(seriesDates("2027-03-10", { everyWeeks: 1, weekdays: [5, 1, 3], until: "2027-03-19" })).toEqual(["2027-03-10", "2027-03-12", "2027-03-15", "2027-03-17", "2027-03-19"]);
  });

  it("stops one past the maximum, so that the caller can refuse too many", () => {
    expect(seriesDates("2027-01-04", { everyWeeks: 1, weekdays: [1, 2, 3, 4, 5], until: "2027-12-31" })).toHaveLength(MAX_SERIES_OCCURRENCES + 1);
  });
});

describe("tooEarlyFor", () => {
  const start = new Date("2026-03-03T10:00:00Z");
  it("refuses no-show and completed before the start, arrived more than 30 minutes before", () => {
    expect(tooEarlyFor("no_show", start, new Date("2026-03-03T07:25:00Z"))).toMatch(/not started yet/);
    expect(tooEarlyFor("completed", start, new Date("2026-03-03T09:59:00Z"))).toMatch(/not started yet/);
    expect(tooEarlyFor("arrived", start, new Date("2026-03-03T09:29:00Z"))).toMatch(/30 minutes/);
    expect(tooEarlyFor("arrived", start, new Date("2026-03-03T09:30:00Z"))).toBeNull();
    expect(tooEarlyFor("no_show", start, start)).toBeNull();
    expect(tooEarlyFor("confirmed", start, new Date("2026-01-01T00:00:00Z"))).toBeNull();
  });
});

describe("canRevert", () => {
  it("goes back one step, never forward", () => {
    expect(canRevert("cancelled", "booked")).toBe(true);
    expect(canRevert("completed", "arrived")).toBe(true);
    expect(canRevert("booked", "confirmed")).toBe(false);
    expect(canRevert("completed", "booked")).toBe(false);
  });
});
