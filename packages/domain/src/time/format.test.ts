import { describe, expect, it } from "vitest";
import {
  addDays,
  clinicDateFormat,
  minutesOfTime,
  timeOfMinutes,
  addMonths,
  createDateFormat,
  endOfMonth,
  firstDayOfWeek,
  formatDuration,
  formatPrice,
  localDateOf,
  monthGrid,
  partOfDay,
  shiftMonths,
  todayIn,
} from ".";

describe("clinic-zone formatting", () => {
  const paris = createDateFormat({ locale: "fr-FR", timeZone: "Europe/Paris", patientTimeZone: "America/Los_Angeles" });

  it("shows a time on the clinic's clock in the clinic's locale", () => {
    expect(paris.time("2026-03-03T13:30:00Z")).toBe("14:30");
  });

  it("notes the patient's own time when their zone differs", () => {
    expect(paris.differentZone).toBe(true);
    expect(paris.patientTime("2026-03-03T13:30:00Z")).toBe("05:30");
  });

  it("says when the patient's clock is already on another day", () => {
    // 08:00 in Paris is 23:00 the day before in Los Angeles; 14:30 is the same day.
    expect(paris.patientDayShift("2026-03-03T07:00:00Z")).toBe(-1);
    expect(paris.patientDayShift("2026-03-03T13:30:00Z")).toBe(0);
    const tokyo = createDateFormat({ locale: "fr-FR", timeZone: "Europe/Paris", patientTimeZone: "Asia/Tokyo" });
    expect(tokyo.patientDayShift("2026-03-03T17:00:00Z")).toBe(1);
  });

  it("notes nothing when the patient is in the clinic's zone", () => {
    const local = createDateFormat({ locale: "fr-FR", timeZone: "Europe/Paris", patientTimeZone: "Europe/Paris" });
    expect(local.differentZone).toBe(false);
    expect(local.patientTime("2026-03-03T13:30:00Z")).toBeNull();
    expect(local.patientDateTime("2026-03-03T13:30:00Z")).toBeNull();
  });

  it("treats two names for the same clock as the same zone", () => {
    const sameClock = createDateFormat({ locale: "fr-FR", timeZone: "Europe/Paris", patientTimeZone: "Europe/Brussels" });
    expect(sameClock.differentZone).toBe(false);
  });

  it("formats local dates without shifting them through any zone", () => {
    expect(paris.date("2026-03-03")).toBe("mardi 3 mars 2026");
    const newYork = createDateFormat({ locale: "en-US", timeZone: "America/New_York", patientTimeZone: "Asia/Tokyo" });
    expect(newYork.date("2026-03-03")).toBe("Tuesday, March 3, 2026");
    expect(newYork.time("2026-03-03T19:00:00Z")).toBe("2:00 PM");
  });

  it("gives the clinic's local date of an instant near midnight", () => {
    expect(localDateOf("2026-03-03T23:30:00Z", "Europe/Paris")).toBe("2026-03-04");
    expect(localDateOf("2026-03-03T23:30:00Z", "America/New_York")).toBe("2026-03-03");
    expect(todayIn("Pacific/Auckland", new Date("2026-03-03T12:00:00Z"))).toBe("2026-03-04");
  });

  it("groups times into morning, afternoon and evening by the clinic's clock", () => {
    expect(partOfDay("2026-03-03T10:59:00Z", "Europe/Paris")).toBe("morning");
    expect(partOfDay("2026-03-03T11:00:00Z", "Europe/Paris")).toBe("afternoon");
    expect(partOfDay("2026-03-03T15:59:00Z", "Europe/Paris")).toBe("afternoon");
    expect(partOfDay("2026-03-03T16:00:00Z", "Europe/Paris")).toBe("evening");
  });

  it("keeps the clinic's wall clock across a DST change", () => {
    // Paris springs forward on 2026-03-29: 09:00 local is 08:00Z before and 07:00Z after.
    expect(paris.time("2026-03-28T08:00:00Z")).toBe("09:00");
    expect(paris.time("2026-03-30T07:00:00Z")).toBe("09:00");
  });
});

describe("calendar arithmetic on local dates", () => {
  it("steps over month and year ends and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-01");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-01");
    expect(endOfMonth("2026-02-10")).toBe("2026-02-28");
    expect(shiftMonths("2026-03-12", 1)).toBe("2026-04-12");
    expect(shiftMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(shiftMonths("2026-01-15", -1)).toBe("2025-12-15");
  });

  it("lays a month out in weeks starting on the locale's first weekday", () => {
    // March 2026 starts on a Sunday.
    const mondayFirst = monthGrid("2026-03-01", 1);
    expect(mondayFirst[0]).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    expect(mondayFirst.flat().filter(Boolean)).toHaveLength(31);
    const sundayFirst = monthGrid("2026-03-01", 7);
    expect(sundayFirst[0]?.[0]).toBe("2026-03-01");
    expect(sundayFirst.every((week) => week.length === 7)).toBe(true);
  });

  it("knows that weeks start on Sunday in the US and Monday in France", () => {
    expect(firstDayOfWeek("en-US")).toBe(7);
    expect(firstDayOfWeek("fr-FR")).toBe(1);
  });
});

describe("durations and prices", () => {
  it("reads durations the way a patient says them", () => {
    expect(formatDuration(30)).toBe("30 min");
    expect(formatDuration(60)).toBe("1 h");
    expect(formatDuration(75)).toBe("1 h 15 min");
  });

  it("formats prices in the clinic's currency and locale", () => {
    expect(formatPrice(3000, "EUR", "fr-FR")).toBe("30,00\u00a0€");
    expect(formatPrice(6500, "USD", "en-US")).toBe("$65.00");
    expect(formatPrice(null, "USD", "en-US")).toBeNull();
  });
});

describe("the same wording on every surface", () => {
  it("states an appointment's time as e-mails do, in the clinic's zone and language", () => {
    const paris = clinicDateFormat({ locale: "en-GB", timezone: "Europe/Paris" });
    expect(paris.appointmentTime("2026-03-09T13:30:00Z", "2026-03-09T14:00:00Z")).toBe("Monday, 9 March 2026, 14:30–15:00 (Europe/Paris)");
    // Late evening UTC is already the next day in Paris.
    expect(paris.appointmentTime("2026-03-09T23:30:00Z", "2026-03-10T00:00:00Z")).toBe("Tuesday, 10 March 2026, 00:30–01:00 (Europe/Paris)");
  });

  it("writes a date of birth in the clinic's language, never shifted by a zone", () => {
    expect(clinicDateFormat({ locale: "en-GB", timezone: "Pacific/Kiritimati" }).birthDate("1980-05-12")).toBe("12 May 1980");
    expect(clinicDateFormat({ locale: "en-US", timezone: "America/Los_Angeles" }).birthDate("1980-05-12")).toBe("May 12, 1980");
    expect(clinicDateFormat({ locale: "fr-FR", timezone: "Europe/Paris" }).birthDate("1980-05-12")).toBe("12 mai 1980");
  });
});

describe("wall-clock times typed into a form", () => {
  it("converts the value of a time input both ways", () => {
    expect(timeOfMinutes(9 * 60 + 5)).toBe("09:05");
    expect(minutesOfTime("14:45")).toBe(14 * 60 + 45);
    expect(minutesOfTime("25:00")).toBeNull();
    expect(minutesOfTime("24:00")).toBeNull();
    expect(minutesOfTime("")).toBeNull();
  });
});
