import { describe, expect, it } from "vitest";
import { appointment, calendarDay } from "../../test/staff-fixtures";
import { layoutDay, minutesOnDay } from "./day-layout";

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
