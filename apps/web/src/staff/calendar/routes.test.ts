import { describe, expect, it } from "vitest";
import { readCalendarSearch } from "./routes";

describe("the calendar's address", () => {
  it("keeps the day, the week view and its practitioner, and drops anything else", () => {
    const practitioner = "0b8f1c2e-3333-4000-8000-000000000001";
    expect(readCalendarSearch({ date: "2026-03-03", view: "week", practitioner })).toEqual({ date: "2026-03-03", view: "week", practitioner });
    expect(readCalendarSearch({ date: "3 March", view: "month", practitioner: "'; drop table", extra: 1 })).toEqual({});
    expect(readCalendarSearch({ date: "2026-03-03", view: "day" })).toEqual({ date: "2026-03-03" });
    expect(readCalendarSearch({ view: "resources" })).toEqual({ view: "resources" });
    expect(readCalendarSearch({ view: "agenda" })).toEqual({ view: "agenda" });
  });
});
