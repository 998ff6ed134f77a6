import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { appointment, calendarDay } from "../../test/staff-fixtures";
import { layoutDay, layoutWeek, minutesOnDay } from "./day-layout";

describe("the day layout", () => {
  it("places an appointment by the clinic's clock, whatever the process zone", () => {
    const layout = layoutDay(calendarDay(), "2026-03-03", "Europe/Paris");
    expect(layout.startMinutes).toBe(8 * 60);
    expect(layout.endMinutes).toBe(18 * 60);
    const [placed] = layout.columns[0]!.appointments;
    // 09:00–09:30 in Paris: rows 5 to 7 of a grid starting at 08:00 in quarters of an hour.
    expect(placed).toMatchObject({ startRow: 5, endRow: 7, lane: 0 });
  });

  it("shades each practitioner's working hours of that weekday", () => {
    const layout = layoutDay(calendarDay(), "2026-03-03", "Europe/Paris");
    expect(layout.columns[1]!.workingHours).toEqual([
      { startRow: 1, endRow: 17 },
      { startRow: 25, endRow: 41 },
    ]);
  });

  it("puts overlapping appointments side by side", () => {
    const first = appointment({ id: "a", status: "cancelled" });
    const second = appointment({ id: "b", start: "2026-03-03T08:15:00.000Z", end: "2026-03-03T08:45:00.000Z" });
    const third = appointment({ id: "c", start: "2026-03-03T08:30:00.000Z", end: "2026-03-03T09:00:00.000Z" });
    const column = layoutDay(calendarDay([first, second, third]), "2026-03-03", "Europe/Paris").columns[0]!;
    expect(column.appointments.map((a) => [a.appointment.id, a.lane])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 0],
    ]);
    expect(column.lanes).toBe(2);
  });

  it("widens the day for an appointment outside working hours, and keeps the default day when nothing is on", () => {
    const late = appointment({ start: "2026-03-03T19:00:00.000Z", end: "2026-03-03T19:45:00.000Z" }); // 20:00 in Paris
    expect(layoutDay(calendarDay([late]), "2026-03-03", "Europe/Paris").endMinutes).toBe(21 * 60);
    const sunday = layoutDay(calendarDay([]), "2026-03-08", "Europe/Paris");
    expect([sunday.startMinutes, sunday.endMinutes]).toEqual([8 * 60, 18 * 60]);
    expect(sunday.columns[0]!.workingHours).toEqual([]);
  });

  it("cuts an appointment that crosses midnight at the edge of the day", () => {
    const start = "2026-03-03T22:30:00.000Z"; // 23:30 in Paris
    const end = "2026-03-04T00:30:00.000Z"; // 01:30 the next day
    expect(minutesOnDay(start, end, "2026-03-03", "Europe/Paris")).toEqual({ from: 23 * 60 + 30, to: 24 * 60 });
    expect(minutesOnDay(start, end, "2026-03-04", "Europe/Paris")).toEqual({ from: 0, to: 90 });
    expect(minutesOnDay(start, end, "2026-03-05", "Europe/Paris")).toBeNull();
  });
});

describe("time off on the day layout", () => {
  it("hatches time off by the clinic's clock and adds extra hours to the working ones", () => {
    const range = calendarDay([]);
    range.practitioners[0]!.exceptions = [
      // 15:00–16:00 in Paris: a dentist's appointment.
      { id: "off", kind: "unavailable", start: "2026-03-03T14:00:00.000Z", end: "2026-03-03T15:00:00.000Z", reason: "Dentist" },
      // 18:00–19:00 in Paris: an evening added for that day only.
      { id: "extra", kind: "available", start: "2026-03-03T17:00:00.000Z", end: "2026-03-03T18:00:00.000Z", reason: null },
    ];
    const layout = layoutDay(range, "2026-03-03", "Europe/Paris");
    expect(layout.endMinutes).toBe(19 * 60);
    const column = layout.columns[0]!;
    expect(column.timeOff).toEqual([{ startRow: 29, endRow: 33, reason: "Dentist" }]);
    expect(column.workingHours).toContainEqual({ startRow: 41, endRow: 45 });
  });

  it("draws only the part of a week's holiday that falls inside the day's grid", () => {
    const range = calendarDay([]);
    range.practitioners[0]!.exceptions = [
      { id: "holiday", kind: "unavailable", start: "2026-03-01T23:00:00.000Z", end: "2026-03-07T23:00:00.000Z", reason: null },
    ];
    const column = layoutDay(range, "2026-03-03", "Europe/Paris").columns[0]!;
    expect(column.timeOff).toEqual([{ startRow: 1, endRow: 41, reason: null }]);
  });
});

describe("the week layout", () => {
  const week = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"];

  it("gives one practitioner a column per day, each with that day's visits and hours on one shared grid", () => {
    const tuesday = appointment();
    const thursdayEvening = appointment({ id: "late", start: "2026-03-05T18:00:00.000Z", end: "2026-03-05T18:30:00.000Z" }); // 19:00 Paris
    const otherPractitioner = appointment({ id: "haddad", practitionerId: ids.haddad, start: "2026-03-04T08:00:00.000Z", end: "2026-03-04T08:30:00.000Z" });
    const layout = layoutWeek(calendarDay([tuesday, thursdayEvening, otherPractitioner]), week, ids.martin, "Europe/Paris");
    expect(layout.columns.map((c) => c.date)).toEqual(week);
    expect(layout.columns.every((c) => c.practitioner.id === ids.martin)).toBe(true);
    expect(layout.columns.map((c) => c.appointments.map((a) => a.appointment.id))).toEqual([[], [tuesday.id], [], ["late"], [], [], []]);
    // Thursday's 19:00 visit stretches every day's grid to 20:00.
    expect([layout.startMinutes, layout.endMinutes]).toEqual([8 * 60, 20 * 60]);
    expect(layout.columns[5]!.workingHours).toEqual([]); // Saturday
  });

  it("has no columns for a practitioner the range does not hold", () => {
    expect(layoutWeek(calendarDay(), week, "0b8f1c2e-3333-4000-8000-00000000ffff", "Europe/Paris").columns).toEqual([]);
  });
});
