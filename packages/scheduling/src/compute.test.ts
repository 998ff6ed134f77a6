import { describe, expect, it } from "vitest";
import { computeSlots } from "./index";
import { buildQuery, everyDay, localStarts, practitioner, slotsOn } from "./test-helpers";

// 2026-03-02 is a Monday. Paris is on UTC+1 and New York on UTC-5 until their March changes.

describe("computeSlots: a Paris clinic", () => {
  it("offers the working morning in 30-minute steps, as UTC instants", () => {
    const days = computeSlots(buildQuery());
    expect(localStarts(days, "2026-03-02", "Europe/Paris")).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);
    expect(slotsOn(days, "2026-03-02")[0]).toEqual({
      start: "2026-03-02T08:00:00Z",
      end: "2026-03-02T08:30:00Z",
      practitionerIds: ["dr-martin"],
    });
  });

  it("lists every date of the range once, in order, empty when nobody works", () => {
    const days = computeSlots(buildQuery({ from: "2026-03-06", to: "2026-03-09" }));
    expect(days.map((day) => [day.date, day.slots.length])).toEqual([
      ["2026-03-06", 6],
      ["2026-03-07", 0],
      ["2026-03-08", 0],
      ["2026-03-09", 6],
    ]);
  });

  it("keeps a lunch break free and never lets a slot straddle it", () => {
    const query = buildQuery({
      service: { durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
      rules: { slotStepMinutes: 15, minNoticeMinutes: 0, horizonDays: 365 },
      practitioners: [practitioner("dr-martin", [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "13:00", end: "14:00" }])],
    });
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual([
      "09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15",
      "13:00", "13:15",
    ]);
  });

  it("offers nothing on a holiday declared as an unavailable exception", () => {
    const query = buildQuery({
      from: "2026-03-02",
      to: "2026-03-03",
      practitioners: [
        practitioner("dr-martin", everyDay("09:00", "12:00"), {
          exceptions: [{ kind: "unavailable", start: "2026-03-02T00:00:00+01:00", end: "2026-03-03T00:00:00+01:00" }],
        }),
      ],
    });
    const days = computeSlots(query);
    expect(slotsOn(days, "2026-03-02")).toEqual([]);
    expect(slotsOn(days, "2026-03-03")).toHaveLength(6);
  });

  it("splits the morning around a partial absence and restarts the grid where the absence ends", () => {
    const query = buildQuery({
      practitioners: [
        practitioner("dr-martin", everyDay("09:00", "12:00"), {
          exceptions: [{ kind: "unavailable", start: "2026-03-02T09:40:00Z", end: "2026-03-02T09:50:00Z" }], // 10:40-10:50 local
        }),
      ],
    });
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual(["09:00", "09:30", "10:00", "10:50", "11:20"]);
  });

  it("adds availability from an available exception, merging with touching working hours", () => {
    const query = buildQuery({
      rules: { slotStepMinutes: 45, minNoticeMinutes: 0, horizonDays: 365 },
      practitioners: [
        practitioner("dr-martin", [{ weekday: 1, start: "09:00", end: "10:00" }], {
          // 10:00-11:30 local, right where the weekly hours end: one interval, one grid from 09:00.
          exceptions: [{ kind: "available", start: "2026-03-02T09:00:00Z", end: "2026-03-02T10:30:00Z" }],
        }),
      ],
    });
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual(["09:00", "09:45", "10:30"]);
  });

  it("lets unavailable win over available when both cover the same time", () => {
    const query = buildQuery({
      from: "2026-03-07", // a Saturday
      to: "2026-03-07",
      practitioners: [
        practitioner("dr-martin", [], {
          exceptions: [
            { kind: "available", start: "2026-03-07T08:00:00Z", end: "2026-03-07T10:00:00Z" },
            { kind: "unavailable", start: "2026-03-07T09:00:00Z", end: "2026-03-07T09:30:00Z" },
          ],
        }),
      ],
    });
    expect(localStarts(computeSlots(query), "2026-03-07", "Europe/Paris")).toEqual(["09:00", "09:30", "10:30"]);
  });

  it("ignores working hours, exceptions and busy times whose end is not after their start", () => {
    const query = buildQuery({
      practitioners: [
        practitioner("dr-martin", [{ weekday: 1, start: "09:00", end: "10:00" }, { weekday: 1, start: "15:00", end: "14:00" }], {
          exceptions: [{ kind: "unavailable", start: "2026-03-02T09:00:00Z", end: "2026-03-02T08:00:00Z" }],
          busy: [{ start: "2026-03-02T08:30:00Z", end: "2026-03-02T08:30:00Z" }],
        }),
      ],
    });
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual(["09:00", "09:30"]);
  });
});

describe("computeSlots: a New York clinic", () => {
  it("reads the same wall-clock hours in its own zone", () => {
    const days = computeSlots(buildQuery({ timezone: "America/New_York" }));
    expect(slotsOn(days, "2026-03-02").map((slot) => slot.start)).toEqual([
      "2026-03-02T14:00:00Z", "2026-03-02T14:30:00Z", "2026-03-02T15:00:00Z",
      "2026-03-02T15:30:00Z", "2026-03-02T16:00:00Z", "2026-03-02T16:30:00Z",
    ]);
  });

  it("files a late-evening slot under the local date of its start even when it is already tomorrow in UTC", () => {
    const query = buildQuery({
      timezone: "America/New_York",
      from: "2026-03-02",
      to: "2026-03-03",
      practitioners: [practitioner("dr-lee", [{ weekday: 1, start: "20:00", end: "21:00" }])],
    });
    const days = computeSlots(query);
    expect(slotsOn(days, "2026-03-02").map((slot) => slot.start)).toEqual(["2026-03-03T01:00:00Z", "2026-03-03T01:30:00Z"]);
    expect(slotsOn(days, "2026-03-03")).toEqual([]);
  });
});

describe("computeSlots: busy times and buffers", () => {
  it("does not offer a slot whose buffers would overlap an existing appointment", () => {
    const query = buildQuery({
      service: { durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 },
      rules: { slotStepMinutes: 15, minNoticeMinutes: 0, horizonDays: 365 },
      practitioners: [
        practitioner("dr-martin", everyDay("09:00", "12:00"), {
          busy: [{ start: "2026-03-02T09:30:00Z", end: "2026-03-02T10:00:00Z" }], // 10:30-11:00 local
        }),
      ],
    });
    // 09:45 would end at 10:15 + 15 min buffer = 10:30: touching, allowed. 11:00 starts with a
    // 10-minute buffer from 10:50, inside the appointment; 11:15's buffer starts at 11:05.
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual([
      "09:00", "09:15", "09:30", "09:45", "11:15", "11:30",
    ]);
  });

  it("treats busy intervals that only touch a slot as no conflict", () => {
    const query = buildQuery({
      practitioners: [
        practitioner("dr-martin", everyDay("09:00", "11:00"), {
          busy: [
            { start: "2026-03-02T07:00:00Z", end: "2026-03-02T08:00:00Z" }, // ends as 09:00 starts
            { start: "2026-03-02T08:30:00Z", end: "2026-03-02T10:00:00+01:00" }, // 09:30-10:00, touching both neighbours
          ],
        }),
      ],
    });
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual(["09:00", "10:00", "10:30"]);
  });
});

describe("computeSlots: booking rules", () => {
  it("lets minimum notice cut the morning without moving the step grid", () => {
    const query = buildQuery({
      now: "2026-03-02T07:40:00Z", // 08:40 in Paris
      rules: { slotStepMinutes: 15, minNoticeMinutes: 60, horizonDays: 365 },
    });
    // Earliest start is 09:40; the grid is anchored at 09:00, so the first slot is 09:45.
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")[0]).toBe("09:45");
  });

  it("offers slots up to horizonDays after the local date of now, and lists later dates empty", () => {
    const query = buildQuery({
      from: "2026-03-02",
      to: "2026-03-06",
      now: "2026-03-01T23:30:00Z", // 00:30, already Monday 2026-03-02 in Paris
      rules: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 2 },
    });
    expect(computeSlots(query).map((day) => [day.date, day.slots.length])).toEqual([
      ["2026-03-02", 6],
      ["2026-03-03", 6],
      ["2026-03-04", 6],
      ["2026-03-05", 0],
      ["2026-03-06", 0],
    ]);
  });

  it("merges practitioners free at the same time into one slot, ids in the order given", () => {
    const query = buildQuery({
      practitioners: [
        practitioner("zoe", everyDay("09:00", "10:00")),
        practitioner("adam", everyDay("09:30", "11:00")),
        practitioner("bea", everyDay("09:00", "10:00"), { busy: [{ start: "2026-03-02T08:00:00Z", end: "2026-03-02T08:30:00Z" }] }),
      ],
    });
    expect(slotsOn(computeSlots(query), "2026-03-02")).toEqual([
      { start: "2026-03-02T08:00:00Z", end: "2026-03-02T08:30:00Z", practitionerIds: ["zoe"] },
      { start: "2026-03-02T08:30:00Z", end: "2026-03-02T09:00:00Z", practitionerIds: ["zoe", "adam", "bea"] },
      { start: "2026-03-02T09:00:00Z", end: "2026-03-02T09:30:00Z", practitionerIds: ["adam"] },
      { start: "2026-03-02T09:30:00Z", end: "2026-03-02T10:00:00Z", practitionerIds: ["adam"] },
    ]);
  });

  it("offers a slot once even when the same time is given twice", () => {
    const query = buildQuery({
      practitioners: [
        practitioner("dr-martin", [{ weekday: 1, start: "09:00", end: "10:00" }, { weekday: 1, start: "09:00", end: "10:00" }], {
          exceptions: [{ kind: "available", start: "2026-03-02T08:00:00Z", end: "2026-03-02T09:00:00Z" }],
        }),
      ],
    });
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual(["09:00", "09:30"]);
  });

  it("keeps a grid that started before midnight and lists only dates inside the range", () => {
    // Sunday 22:00-24:00 and Monday 00:00-01:00 touch, so they form one interval from 22:00.
    const query = buildQuery({
      from: "2026-03-02",
      to: "2026-03-02",
      service: { durationMinutes: 40, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
      rules: { slotStepMinutes: 40, minNoticeMinutes: 0, horizonDays: 365 },
      practitioners: [practitioner("dr-night", [{ weekday: 7, start: "22:00", end: "24:00" }, { weekday: 1, start: "00:00", end: "01:00" }])],
    });
    // Sunday's 22:00, 22:40, 23:20 belong to 2026-03-01, outside the range; 00:00 and 00:40 are Monday's.
    // 00:40 would end at 01:20, past the interval, so only 00:00 remains.
    expect(localStarts(computeSlots(query), "2026-03-02", "Europe/Paris")).toEqual(["00:00"]);
  });

  it("returns empty days when there are no practitioners", () => {
    expect(computeSlots(buildQuery({ practitioners: [] }))).toEqual([{ date: "2026-03-02", slots: [] }]);
  });

  it("does not modify its input and gives the same answer twice", () => {
    const query = buildQuery({ from: "2026-03-02", to: "2026-03-09" });
    const snapshot = structuredClone(query);
    const first = computeSlots(query);
    expect(computeSlots(query)).toEqual(first);
    expect(query).toEqual(snapshot);
  });
});
