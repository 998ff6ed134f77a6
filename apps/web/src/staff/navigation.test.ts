import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";

describe("the staff navigation", () => {
  it("offers practitioners their calendar feeds, which owners and admins find in the settings", () => {
    expect(navigationFor("practitioner").map((item) => item.to)).toEqual(["/app/calendar", "/app/patients", "/app/waitlist", "/app/calendar-feeds"]);
    for (const role of ["owner", "admin"] as const) {
      expect(navigationFor(role).map((item) => item.to)).toEqual(["/app/calendar", "/app/patients", "/app/waitlist", "/app/settings", "/app/setup", "/app/reports"]);
    }
    // Receptionists have no feeds of their own (the API refuses them).
    expect(navigationFor("receptionist").map((item) => item.to)).toEqual(["/app/calendar", "/app/patients", "/app/waitlist"]);
  });
});
