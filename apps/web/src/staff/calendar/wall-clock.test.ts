import { describe, expect, it } from "vitest";
import { instantAt, minutesOfTimeInput, timeInputValue } from "./wall-clock";

describe("the clinic's wall clock to an instant", () => {
  it("reads the time on the clinic's clock, not the process's (Los Angeles)", () => {
    expect(instantAt("2026-03-03", 9 * 60, "Europe/Paris")).toBe("2026-03-03T08:00:00.000Z");
    expect(instantAt("2026-07-03", 9 * 60, "Europe/Paris")).toBe("2026-07-03T07:00:00.000Z");
    expect(instantAt("2026-03-03", 23 * 60 + 30, "Europe/Paris")).toBe("2026-03-03T22:30:00.000Z");
  });

  it("moves a time skipped by the spring-forward change past the gap, and takes the first of a doubled time", () => {
    // 29 March 2026 in Paris: 02:00 jumps to 03:00.
    expect(instantAt("2026-03-29", 2 * 60 + 30, "Europe/Paris")).toBe("2026-03-29T01:30:00.000Z");
    // 25 October 2026: 02:30 happens twice; the first is still summer time (UTC+2).
    expect(instantAt("2026-10-25", 2 * 60 + 30, "Europe/Paris")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("converts the value of a time input both ways", () => {
    expect(timeInputValue(9 * 60 + 5)).toBe("09:05");
    expect(minutesOfTimeInput("14:45")).toBe(14 * 60 + 45);
    expect(minutesOfTimeInput("25:00")).toBeNull();
    expect(minutesOfTimeInput("")).toBeNull();
  });
});
