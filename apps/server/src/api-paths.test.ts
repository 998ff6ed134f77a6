import { describe, expect, it } from "vitest";
import { isApiPath } from "./api-paths";

describe("isApiPath", () => {
  it("sends procedures, REST, calendar feeds, images and health checks to the API", () => {
    for (const path of ["/trpc/public.clinic", "/api/v1/appointments", "/ical/abc123.ics", "/media/c1/i1.abcd.png", "/healthz", "/readyz"]) expect(isApiPath(path), path).toBe(true);
  });

  it("leaves the web app's pages and files to the web app", () => {
    for (const path of ["/", "/book/demo-paris", "/app/calendar", "/assets/index.js", "/embed.js", "/icalendar", "/mediaroom", "/healthz/extra"]) expect(isApiPath(path), path).toBe(false);
  });
});
