import { describe, expect, it } from "vitest";
import { findFreeTimes, type FreeTimeQuery } from "./index";

const base: FreeTimeQuery = {
  timezone: "Europe/Paris",
  from: "2026-03-23",
  to: "2026-06-20",
  now: "2026-03-23T06:00:00Z",
  service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
  rules: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 365 },
  limit: 3,
  practitioners: [{ id: "p", weeklyHours: [{ weekday: 2, start: "07:00", end: "19:00" }], exceptions: [], busy: [] }],
};

describe("findFreeTimes", () => {
  it("answers the earliest times first and stops at the limit", () => {
    const times = findFreeTimes(base);
    // 2026-03-24 is a Tuesday, still winter time in Paris (UTC+1).
    expect(times.map((t) => t.start)).toEqual(["2026-03-24T06:00:00Z", "2026-03-24T06:30:00Z", "2026-03-24T07:00:00Z"]);
  });

  it("keeps the local time-of-day window on both sides of a DST change", () => {
    const times = findFreeTimes({ ...base, limit: 2, startMinutes: { from: 17 * 60 + 30, to: 18 * 60 + 30 } });
    expect(times.map((t) => t.start)).toEqual(["2026-03-24T16:30:00Z", "2026-03-24T17:00:00Z"]);
    // A week later Paris is on summer time: 17:30 local is 15:30 UTC.
    const later = findFreeTimes({ ...base, from: "2026-03-30", limit: 1, startMinutes: { from: 17 * 60 + 30, to: 18 * 60 } });
    expect(later.map((t) => t.start)).toEqual(["2026-03-31T15:30:00Z"]);
  });

  it("looks past the engine's 62-day window when nothing is free sooner", () => {
    const busy = [{ start: "2026-03-01T00:00:00Z", end: "2026-06-01T00:00:00Z" }];
    const times = findFreeTimes({ ...base, limit: 1, practitioners: [{ ...base.practitioners[0]!, busy }] });
    expect(times.map((t) => t.start)).toEqual(["2026-06-02T05:00:00Z"]);
  });

  it("answers the same when practitioners whose hours cannot reach the time-of-day window are left out", () => {
    const late = { id: "late", weeklyHours: [{ weekday: 2, start: "14:00", end: "21:00" }], exceptions: [], busy: [] };
    const early = { id: "early", weeklyHours: [{ weekday: 2, start: "08:00", end: "18:00" }], exceptions: [], busy: [] };
    const evening = { from: 19 * 60, to: 24 * 60 };
    const both = findFreeTimes({ ...base, limit: 4, startMinutes: evening, practitioners: [early, late] });
    expect(both).toEqual(findFreeTimes({ ...base, limit: 4, startMinutes: evening, practitioners: [late] }));
    expect(both.map((t) => [t.start, t.practitionerIds])).toEqual([
      ["2026-03-24T18:00:00Z", ["late"]],
      ["2026-03-24T18:30:00Z", ["late"]],
      ["2026-03-24T19:00:00Z", ["late"]],
      ["2026-03-24T19:30:00Z", ["late"]],
    ]);
    // Extra hours count as hours; hours the engine cannot read still reach it, to be refused by name.
    const extra = { ...early, exceptions: [{ kind: "available" as const, start: "2026-03-25T18:00:00Z", end: "2026-03-25T20:00:00Z" }] };
    expect(findFreeTimes({ ...base, limit: 1, startMinutes: evening, practitioners: [extra] }).map((t) => t.start)).toEqual(["2026-03-25T18:00:00Z"]);
    const unreadable = { ...early, weeklyHours: [{ weekday: 2, start: "8h", end: "18:00" }] };
    expect(() => findFreeTimes({ ...base, startMinutes: evening, practitioners: [unreadable] })).toThrow(/weeklyHours/);
  });

  it("answers nothing when nothing fits, and refuses a reversed or endless range", () => {
    expect(findFreeTimes({ ...base, startMinutes: { from: 20 * 60, to: 21 * 60 } })).toEqual([]);
    expect(() => findFreeTimes({ ...base, to: "2026-03-01" })).toThrow(/to/);
    expect(() => findFreeTimes({ ...base, to: "2027-12-31" })).toThrow(/366/);
    expect(() => findFreeTimes({ ...base, limit: 0 })).toThrow(/limit/);
  });
});
