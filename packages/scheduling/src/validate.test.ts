import { describe, expect, it } from "vitest";
import { computeSlots, SchedulingInputError } from "./index";
import { buildQuery, practitioner } from "./test-helpers";
import type { SlotQuery } from "./types";

/** Runs the query and returns the SchedulingInputError it must throw. */
function inputErrorOf(query: SlotQuery): SchedulingInputError {
  try {
    computeSlots(query);
  } catch (error) {
    if (error instanceof SchedulingInputError) return error;
    throw error;
  }
  throw new Error("expected a SchedulingInputError, but computeSlots returned");
}

const base = buildQuery();
const service = base.service;
const rules = base.rules;

function withHours(hours: Partial<SlotQuery["practitioners"][number]["weeklyHours"][number]>): SlotQuery {
  return buildQuery({ practitioners: [practitioner("dr-martin", [{ weekday: 1, start: "09:00", end: "12:00", ...hours }])] });
}

const badQueries: Array<[description: string, query: SlotQuery, field: string]> = [
  ["an unknown time zone", buildQuery({ timezone: "Europe/Atlantis" }), "timezone"],
  ["an empty time zone", buildQuery({ timezone: "" }), "timezone"],
  ["a malformed from date", buildQuery({ from: "2026-3-2" }), "from"],
  ["a from date that does not exist", buildQuery({ from: "2026-02-30", to: "2026-03-02" }), "from"],
  ["a malformed to date", buildQuery({ to: "02/03/2026" }), "to"],
  ["to before from", buildQuery({ from: "2026-03-02", to: "2026-03-01" }), "to"],
  ["to more than 62 days after from", buildQuery({ from: "2026-03-01", to: "2026-05-03" }), "to"],
  ["a now without an offset", buildQuery({ now: "2026-03-01T10:00:00" }), "now"],
  ["a now that is not a date", buildQuery({ now: "yesterday" }), "now"],
  ["a zero duration", buildQuery({ service: { ...service, durationMinutes: 0 } }), "service.durationMinutes"],
  ["a negative duration", buildQuery({ service: { ...service, durationMinutes: -30 } }), "service.durationMinutes"],
  ["a fractional duration", buildQuery({ service: { ...service, durationMinutes: 12.5 } }), "service.durationMinutes"],
  ["a negative buffer before", buildQuery({ service: { ...service, bufferBeforeMinutes: -5 } }), "service.bufferBeforeMinutes"],
  ["a negative buffer after", buildQuery({ service: { ...service, bufferAfterMinutes: -5 } }), "service.bufferAfterMinutes"],
  ["a zero step", buildQuery({ rules: { ...rules, slotStepMinutes: 0 } }), "rules.slotStepMinutes"],
  ["a NaN step", buildQuery({ rules: { ...rules, slotStepMinutes: Number.NaN } }), "rules.slotStepMinutes"],
  ["a negative minimum notice", buildQuery({ rules: { ...rules, minNoticeMinutes: -1 } }), "rules.minNoticeMinutes"],
  ["a negative horizon", buildQuery({ rules: { ...rules, horizonDays: -1 } }), "rules.horizonDays"],
  ["weekday 0", withHours({ weekday: 0 }), "practitioners[0].weeklyHours[0].weekday"],
  ["weekday 8", withHours({ weekday: 8 }), "practitioners[0].weeklyHours[0].weekday"],
  ["a malformed start time", withHours({ start: "9:00" }), "practitioners[0].weeklyHours[0].start"],
  ["an end time past 24:00", withHours({ end: "24:30" }), "practitioners[0].weeklyHours[0].end"],
  ["an end time with minute 60", withHours({ end: "11:60" }), "practitioners[0].weeklyHours[0].end"],
  [
    "a malformed exception instant",
    buildQuery({ practitioners: [practitioner("a", [], { exceptions: [{ kind: "available", start: "2026-03-02", end: "2026-03-03T00:00:00Z" }] })] }),
    "practitioners[0].exceptions[0].start",
  ],
  [
    "an unknown exception kind",
    buildQuery({
      practitioners: [
        practitioner("a", [], { exceptions: [{ kind: "holiday" as "available", start: "2026-03-02T00:00:00Z", end: "2026-03-03T00:00:00Z" }] }),
      ],
    }),
    "practitioners[0].exceptions[0].kind",
  ],
  [
    "a malformed busy instant",
    buildQuery({ practitioners: [practitioner("a", []), practitioner("b", [], { busy: [{ start: "2026-03-02T10:00:00Z", end: "2026-13-02T11:00:00Z" }] })] }),
    "practitioners[1].busy[0].end",
  ],
  ["an empty practitioner id", buildQuery({ practitioners: [practitioner("", [])] }), "practitioners[0].id"],
  ["a repeated practitioner id", buildQuery({ practitioners: [practitioner("a", []), practitioner("a", [])] }), "practitioners[1].id"],
];

describe("computeSlots rejects bad input with a SchedulingInputError naming the field", () => {
  it.each(badQueries)("%s", (_description, query, field) => {
    const error = inputErrorOf(query);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(field)).toBe(true);
    expect(error.name).toBe("SchedulingInputError");
  });
});

describe("computeSlots accepts the edges of what is valid", () => {
  it("accepts to exactly 62 days after from", () => {
    expect(computeSlots(buildQuery({ from: "2026-03-01", to: "2026-05-02" }))).toHaveLength(63);
  });

  it("accepts zero buffers, zero notice and a zero-day horizon", () => {
    const query = buildQuery({ now: "2026-03-02T06:00:00Z", rules: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 0 } });
    expect(computeSlots(query)[0]?.slots).toHaveLength(6);
  });

  it("accepts instants with offsets, fractions of a second and Temporal's wider ISO 8601 forms", () => {
    const query = buildQuery({
      now: "2026-03-02T07:00:00.123456789+01:00",
      practitioners: [
        practitioner("a", [{ weekday: 1, start: "09:00", end: "12:00" }], {
          busy: [
            { start: "2026-03-02T09:00+01:00", end: "20260302T093000Z" }, // 09:00-10:30 Paris
            { start: "2026-03-02T10:30:00+01:00[Europe/Paris]", end: "2026-03-02T11:00:00.5+01:00" },
          ],
        }),
      ],
    });
    expect(computeSlots(query)[0]?.slots.map((slot) => slot.start)).toEqual(["2026-03-02T10:30:00Z"]);
  });
});
