import { describe, expect, it } from "vitest";
import { computeSlots, type SlotQuery } from "./index";

// Reference: the local start minute read with Intl, independent of the engine's zone clock.
const localParts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hourCycle: "h23", hour: "2-digit", minute: "2-digit" });
function localMinuteOf(instant: string): number {
  const parts = localParts.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return part("hour") * 60 + part("minute");
}

const query = (from: string, to: string): SlotQuery => ({
  timezone: "Europe/Paris",
  from,
  to,
  now: "2026-03-01T00:00:00Z",
  // A 25-minute service on a 20-minute grid with buffers: the grid never falls on the window's edges.
  service: { durationMinutes: 25, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 },
  rules: { slotStepMinutes: 20, minNoticeMinutes: 0, horizonDays: 365 },
  practitioners: [
    {
      id: "a",
      weeklyHours: [
        { weekday: 7, start: "00:00", end: "24:00" },
        { weekday: 6, start: "08:10", end: "12:00" },
        { weekday: 6, start: "13:05", end: "18:00" },
      ],
      // Extra hours late on a Saturday, into Sunday, and an absence.
      exceptions: [
        { kind: "available", start: "2026-03-28T19:07:00Z", end: "2026-03-29T03:00:00Z" },
        { kind: "available", start: "2026-10-24T20:00:00Z", end: "2026-10-25T04:00:00Z" },
        { kind: "unavailable", start: "2026-03-29T09:00:00Z", end: "2026-03-29T10:00:00Z" },
      ],
      busy: [{ start: "2026-03-28T10:00:00Z", end: "2026-03-28T10:40:00Z" }, { start: "2026-10-25T01:10:00Z", end: "2026-10-25T01:30:00Z" }],
    },
    { id: "b", weeklyHours: [{ weekday: 6, start: "09:00", end: "21:00" }, { weekday: 7, start: "01:30", end: "04:00" }], exceptions: [], busy: [] },
  ],
});

describe("computeSlots with startMinutes", () => {
  // Both DST changes of 2026 in Paris (29 March, 25 October), each with the Saturday before it.
  const ranges: Array<[string, string]> = [["2026-03-27", "2026-03-30"], ["2026-10-23", "2026-10-26"]];
  const windows = [
    { from: 0, to: 1440 },
    { from: 90, to: 200 }, // across both changes' missing or repeated hour
    { from: 11 * 60 + 45, to: 13 * 60 + 10 },
    { from: 17 * 60 + 45, to: 18 * 60 },
    { from: 20 * 60, to: 1440 },
  ];
  for (const [from, to] of ranges) {
    for (const window of windows) {
      it(`answers exactly the unfiltered slots whose local start is in ${window.from}-${window.to}, ${from}..${to}`, () => {
        const all = computeSlots(query(from, to));
        const expected = all.map((day) => ({ ...day, slots: day.slots.filter((s) => localMinuteOf(s.start) >= window.from && localMinuteOf(s.start) < window.to) }));
        expect(computeSlots({ ...query(from, to), startMinutes: window })).toEqual(expected);
      });
    }
  }

  it("has slots to compare (the reference is not empty)", () => {
    const night = computeSlots({ ...query("2026-10-23", "2026-10-26"), startMinutes: { from: 90, to: 200 } });
    expect(night.flatMap((d) => d.slots).length).toBeGreaterThan(3);
  });

  it("refuses a range that is empty, reversed or past midnight, by name", () => {
    for (const bad of [{ from: 60, to: 60 }, { from: 120, to: 60 }, { from: 0, to: 1441 }, { from: -1, to: 60 }, { from: 1.5, to: 60 }]) {
      expect(() => computeSlots({ ...query("2026-03-27", "2026-03-30"), startMinutes: bad })).toThrow(/startMinutes/);
    }
  });
});
