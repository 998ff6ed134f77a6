import { describe, expect, it } from "vitest";
import { computeSlots } from "./index";
import { buildQuery, everyDay, localStarts, localStartsWithOffset, practitioner } from "./test-helpers";
import type { SlotQuery } from "./types";

// Real 2026 transitions, read from Temporal (temporal-polyfill over Node's ICU time zone data):
//   Europe/Paris         2026-03-29 02:00 -> 03:00 (+01 -> +02)    2026-10-25 03:00 -> 02:00 (+02 -> +01)
//   America/New_York     2026-03-08 02:00 -> 03:00 (-05 -> -04)    2026-11-01 02:00 -> 01:00 (-04 -> -05)
//   America/Santiago     2026-09-06 00:00 -> 01:00 (-04 -> -03)    2026-04-05 00:00 -> 04-04 23:00 (-03 -> -04)
//   Australia/Lord_Howe  2026-10-04 02:00 -> 02:30 (+10:30 -> +11) 2026-04-05 02:00 -> 01:30 (+11 -> +10:30)
//   America/St_Johns     2026-03-08 02:00 -> 03:00 (-03:30 -> -02:30) 2026-11-01 02:00 -> 01:00 (-02:30 -> -03:30)
//   Pacific/Chatham      2026-09-27 02:45 -> 03:45 (+12:45 -> +13:45) 2026-04-05 03:45 -> 02:45 (+13:45 -> +12:45)
//   Asia/Kolkata         no transition (+05:30 all year)

function dayQuery(timezone: string, date: string, start: string, end: string, overrides: Partial<SlotQuery> = {}): SlotQuery {
  return buildQuery({
    timezone,
    from: date,
    to: date,
    now: "2026-01-01T00:00:00Z",
    practitioners: [practitioner("dr-dst", everyDay(start, end))],
    ...overrides,
  });
}

describe("Europe/Paris", () => {
  it("skips the wall times that do not exist on the spring-forward night", () => {
    const days = computeSlots(dayQuery("Europe/Paris", "2026-03-29", "01:00", "04:00"));
    // 01:00+01 to 04:00+02 is two real hours: four slots, none at 02:xx.
    expect(localStartsWithOffset(days, "2026-03-29", "Europe/Paris")).toEqual(["01:00+01:00", "01:30+01:00", "03:00+02:00", "03:30+02:00"]);
  });

  it("moves working hours that start inside the gap forward by the gap", () => {
    const days = computeSlots(dayQuery("Europe/Paris", "2026-03-29", "02:30", "05:00"));
    expect(localStarts(days, "2026-03-29", "Europe/Paris")).toEqual(["03:30", "04:00", "04:30"]);
  });

  it("moves working hours that end inside the gap forward by the gap", () => {
    const days = computeSlots(dayQuery("Europe/Paris", "2026-03-29", "00:00", "02:30"));
    // 02:30 does not exist and becomes 03:30+02: 2 h 30 of real time from midnight.
    expect(localStarts(days, "2026-03-29", "Europe/Paris")).toEqual(["00:00", "00:30", "01:00", "01:30", "03:00"]);
  });

  it("offers the repeated hour of the fall-back night once per real instant", () => {
    const days = computeSlots(dayQuery("Europe/Paris", "2026-10-25", "01:00", "04:00"));
    expect(localStartsWithOffset(days, "2026-10-25", "Europe/Paris")).toEqual([
      "01:00+02:00", "01:30+02:00", "02:00+02:00", "02:30+02:00",
      "02:00+01:00", "02:30+01:00", "03:00+01:00", "03:30+01:00",
    ]);
  });

  it("keeps an afternoon schedule at its wall-clock time on both transition days", () => {
    for (const date of ["2026-03-29", "2026-10-25"]) {
      const days = computeSlots(dayQuery("Europe/Paris", date, "14:00", "16:00"));
      expect(localStarts(days, date, "Europe/Paris")).toEqual(["14:00", "14:30", "15:00", "15:30"]);
    }
  });
});

describe("America/New_York", () => {
  it("starts a 13:00 schedule at 13:00 EDT on the spring-forward day", () => {
    const days = computeSlots(dayQuery("America/New_York", "2026-03-08", "13:00", "15:00"));
    expect(days[0]?.slots.map((slot) => slot.start)).toEqual(["2026-03-08T17:00:00Z", "2026-03-08T17:30:00Z", "2026-03-08T18:00:00Z", "2026-03-08T18:30:00Z"]);
  });

  it("starts a 13:00 schedule at 13:00 EST on the fall-back day, not an hour early", () => {
    const days = computeSlots(dayQuery("America/New_York", "2026-11-01", "13:00", "15:00"));
    expect(days[0]?.slots[0]?.start).toBe("2026-11-01T18:00:00Z");
    expect(localStarts(days, "2026-11-01", "America/New_York")).toEqual(["13:00", "13:30", "14:00", "14:30"]);
  });

  it("offers 01:00-02:00 twice on the fall-back night, once per real instant", () => {
    const days = computeSlots(dayQuery("America/New_York", "2026-11-01", "01:00", "02:00"));
    // 01:00 resolves to its earlier instant (EDT), 02:00 exists once (EST): two real hours.
    expect(localStartsWithOffset(days, "2026-11-01", "America/New_York")).toEqual(["01:00-04:00", "01:30-04:00", "01:00-05:00", "01:30-05:00"]);
  });

  it("keeps working hours crossing the spring-forward gap to their real length", () => {
    const days = computeSlots(dayQuery("America/New_York", "2026-03-08", "01:00", "04:00"));
    expect(localStartsWithOffset(days, "2026-03-08", "America/New_York")).toEqual(["01:00-05:00", "01:30-05:00", "03:00-04:00", "03:30-04:00"]);
  });

  it("keeps the afternoon when minimum notice ends on the spring-forward day", () => {
    const days = computeSlots(
      dayQuery("America/New_York", "2026-03-08", "09:00", "13:00", {
        now: "2026-03-07T15:00:00Z", // Saturday 10:00 EST
        rules: { slotStepMinutes: 30, minNoticeMinutes: 24 * 60, horizonDays: 30 },
      }),
    );
    // 24 real hours after 10:00 EST is 11:00 EDT.
    expect(localStarts(days, "2026-03-08", "America/New_York")).toEqual(["11:00", "11:30", "12:00", "12:30"]);
  });

  it("counts notice in real time through the repeated hour", () => {
    const days = computeSlots(
      dayQuery("America/New_York", "2026-11-01", "00:00", "03:00", {
        now: "2026-11-01T05:10:00Z", // 01:10 EDT, the first 01:10
        rules: { slotStepMinutes: 30, minNoticeMinutes: 60, horizonDays: 30 },
      }),
    );
    // Earliest start 06:10Z = 01:10 EST (the second 01:10); the grid stays anchored at 00:00 EDT.
    expect(localStartsWithOffset(days, "2026-11-01", "America/New_York")).toEqual(["01:30-05:00", "02:00-05:00", "02:30-05:00"]);
  });
});

describe("America/Santiago (transitions at midnight)", () => {
  it("starts the day at 01:00 when midnight does not exist", () => {
    const days = computeSlots(dayQuery("America/Santiago", "2026-09-06", "00:00", "02:00"));
    expect(localStartsWithOffset(days, "2026-09-06", "America/Santiago")).toEqual(["01:00-03:00", "01:30-03:00"]);
  });

  it("ends 24:00 at the real start of the next day, after the gap", () => {
    const days = computeSlots(dayQuery("America/Santiago", "2026-09-05", "22:00", "24:00"));
    // 22:00-04 to 01:00-03 on the 6th is two real hours; every start is still on the 5th.
    expect(localStartsWithOffset(days, "2026-09-05", "America/Santiago")).toEqual(["22:00-04:00", "22:30-04:00", "23:00-04:00", "23:30-04:00"]);
  });

  it("offers the repeated 23:00 hour twice, all under the date it repeats on", () => {
    const days = computeSlots(dayQuery("America/Santiago", "2026-04-04", "22:00", "24:00"));
    expect(localStartsWithOffset(days, "2026-04-04", "America/Santiago")).toEqual([
      "22:00-03:00", "22:30-03:00", "23:00-03:00", "23:30-03:00", "23:00-04:00", "23:30-04:00",
    ]);
  });

  it("keeps a 13:00 schedule at 13:00 the day after each change", () => {
    for (const date of ["2026-04-05", "2026-09-06"]) {
      const days = computeSlots(dayQuery("America/Santiago", date, "13:00", "14:00"));
      expect(localStarts(days, date, "America/Santiago")).toEqual(["13:00", "13:30"]);
    }
  });
});

describe("Australia/Lord_Howe (30-minute shift)", () => {
  it("skips 02:00-02:30 on the spring-forward night", () => {
    const days = computeSlots(dayQuery("Australia/Lord_Howe", "2026-10-04", "01:00", "04:00"));
    expect(localStartsWithOffset(days, "2026-10-04", "Australia/Lord_Howe")).toEqual([
      "01:00+10:30", "01:30+10:30", "02:30+11:00", "03:00+11:00", "03:30+11:00",
    ]);
  });

  it("offers the repeated half hour twice on the fall-back night", () => {
    const days = computeSlots(dayQuery("Australia/Lord_Howe", "2026-04-05", "01:00", "03:00"));
    expect(localStartsWithOffset(days, "2026-04-05", "Australia/Lord_Howe")).toEqual([
      "01:00+11:00", "01:30+11:00", "01:30+10:30", "02:00+10:30", "02:30+10:30",
    ]);
  });

  it("keeps a 13:00 schedule at 13:00 on both transition days", () => {
    for (const date of ["2026-04-05", "2026-10-04"]) {
      const days = computeSlots(dayQuery("Australia/Lord_Howe", date, "13:00", "14:00"));
      expect(localStarts(days, date, "Australia/Lord_Howe")).toEqual(["13:00", "13:30"]);
    }
  });
});

describe("Pacific/Chatham (+12:45/+13:45)", () => {
  it("steps in real time across the 02:45 gap, so wall times after it shift by the gap", () => {
    const days = computeSlots(dayQuery("Pacific/Chatham", "2026-09-27", "02:00", "05:00"));
    // 02:00+12:45 to 05:00+13:45 is two real hours, stepped every 30 real minutes from 02:00.
    expect(localStartsWithOffset(days, "2026-09-27", "Pacific/Chatham")).toEqual(["02:00+12:45", "02:30+12:45", "04:00+13:45", "04:30+13:45"]);
  });

  it("offers 02:45-03:45 twice on the fall-back night", () => {
    const days = computeSlots(
      dayQuery("Pacific/Chatham", "2026-04-05", "02:45", "03:45", { rules: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 365 } }),
    );
    expect(localStartsWithOffset(days, "2026-04-05", "Pacific/Chatham")).toEqual(["02:45+13:45", "03:15+13:45", "02:45+12:45", "03:15+12:45"]);
  });

  it("keeps a 13:15 schedule at 13:15 on the spring-forward day", () => {
    const days = computeSlots(dayQuery("Pacific/Chatham", "2026-09-27", "13:15", "14:15"));
    expect(days[0]?.slots.map((slot) => slot.start)).toEqual(["2026-09-26T23:30:00Z", "2026-09-27T00:00:00Z"]);
  });
});

describe("America/St_Johns (-03:30/-02:30)", () => {
  it("keeps a 13:00 schedule at 13:00 NDT on the spring-forward day", () => {
    const days = computeSlots(dayQuery("America/St_Johns", "2026-03-08", "13:00", "14:00"));
    expect(days[0]?.slots.map((slot) => slot.start)).toEqual(["2026-03-08T15:30:00Z", "2026-03-08T16:00:00Z"]);
  });

  it("offers 01:00-02:00 twice on the fall-back night", () => {
    const days = computeSlots(dayQuery("America/St_Johns", "2026-11-01", "01:00", "02:00"));
    expect(localStartsWithOffset(days, "2026-11-01", "America/St_Johns")).toEqual(["01:00-02:30", "01:30-02:30", "01:00-03:30", "01:30-03:30"]);
  });

  it("lets min notice ending on the fall-back day cut only the morning", () => {
    const days = computeSlots(
      dayQuery("America/St_Johns", "2026-11-01", "09:00", "11:00", {
        now: "2026-10-31T13:00:00Z", // Saturday 10:30 NDT
        rules: { slotStepMinutes: 30, minNoticeMinutes: 24 * 60, horizonDays: 30 },
      }),
    );
    // 24 real hours later it is 09:30 NST.
    expect(localStarts(days, "2026-11-01", "America/St_Johns")).toEqual(["09:30", "10:00", "10:30"]);
  });
});

describe("Asia/Kolkata (+05:30, no DST)", () => {
  it("places a 09:00 start at 03:30 UTC on any date", () => {
    for (const date of ["2026-03-29", "2026-11-01"]) {
      const days = computeSlots(dayQuery("Asia/Kolkata", date, "09:00", "10:00"));
      expect(days[0]?.slots.map((slot) => slot.start)).toEqual([`${date}T03:30:00Z`, `${date}T04:00:00Z`]);
    }
  });
});
