import { describe, expect, it } from "vitest";
import { instantAt } from "./zoned-time";

describe("a clinic's wall-clock time as an instant", () => {
  it("applies the clinic's offset, not the browser's", () => {
    expect(instantAt("2026-03-03", "09:00", "Europe/Paris")).toBe("2026-03-03T08:00:00.000Z");
    expect(instantAt("2026-07-03", "09:00", "Europe/Paris")).toBe("2026-07-03T07:00:00.000Z");
    expect(instantAt("2026-03-03", "09:00", "America/New_York")).toBe("2026-03-03T14:00:00.000Z");
  });

  it("finds midnight on the day after a spring-forward change", () => {
    expect(instantAt("2026-03-30", "00:00", "Europe/Paris")).toBe("2026-03-29T22:00:00.000Z");
  });
});
