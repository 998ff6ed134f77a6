import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { appointmentCalendarFile, buildCalendar, calendarDataUrl, foldLine } from "./ical";

const booking = {
  appointment: {
    id: "4a0f6c1e-0000-4000-8000-000000000001",
    start: "2026-03-03T13:30:00.000Z",
    end: "2026-03-03T14:00:00.000Z",
    serviceName: "Consultation; first visit",
    practitionerName: "Dr Claire Martin",
    version: 1,
  },
  manageUrl: `https://example.test/booking/${"x".repeat(90)}`,
};
const clinic = { name: "Cabinet Santé", address: "12 rue de la Santé, 75013 Paris\nBâtiment B" };
const now = new Date("2026-03-01T08:00:00Z");

const octets = (line: string) => new TextEncoder().encode(line).length;
/** The file read by ical.js, a real iCalendar parser. */
const parsed = (ics: string) => new ICAL.Component(ICAL.parse(ics) as unknown[]);
const firstEvent = (ics: string) => new ICAL.Event(parsed(ics).getFirstSubcomponent("vevent")!);

describe("an appointment's calendar file", () => {
  const ics = appointmentCalendarFile({ booking, clinic, now });

  it("parses with a real iCalendar parser into the appointment, in UTC", () => {
    const calendar = parsed(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(`${booking.appointment.id}@frontdesk`);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe(booking.appointment.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(booking.appointment.end);
    expect(event.summary).toBe("Consultation; first visit, Dr Claire Martin (Cabinet Santé)");
    expect(event.location).toBe("Cabinet Santé, 12 rue de la Santé, 75013 Paris\nBâtiment B");
    expect(event.description).toBe(`Change or cancel: ${booking.manageUrl}`);
    expect(event.component.getFirstPropertyValue("url")).toBe(booking.manageUrl);
    const stamp = event.component.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe(now.toISOString());
  });

  it("keeps every line within 75 octets, with CRLF line ends", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    const lines = ics.slice(0, -2).split("\r\n");
    expect(lines.some((line) => line.startsWith(" "))).toBe(true); // the long URL was folded
    for (const line of lines) {
      expect(line.includes("\n") || line.includes("\r"), JSON.stringify(line)).toBe(false);
      expect(octets(line), line).toBeLessThanOrEqual(75);
    }
  });

  it("counts a rescheduled appointment's versions in SEQUENCE", () => {
    const moved = appointmentCalendarFile({ booking: { ...booking, appointment: { ...booking.appointment, version: 3 } }, clinic, now });
    expect(firstEvent(moved).sequence).toBe(2);
  });

  it("leaves out an address the clinic has not given", () => {
    const event = firstEvent(appointmentCalendarFile({ booking, clinic: { name: "Cabinet", address: null }, now }));
    expect(event.location).toBe("Cabinet");
  });
});

describe("folding", () => {
  it("folds at 75 octets without splitting a character, and unfolds to the original", () => {
    for (const text of ["é".repeat(100), "a".repeat(200), "😀".repeat(40), `${"a".repeat(74)}é`]) {
      const folded = foldLine(`DESCRIPTION:${text}`);
      for (const line of folded.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${text}`);
      expect(folded).not.toContain("\uFFFD");
    }
  });

  it("leaves a line of exactly 75 octets alone", () => {
    const line = `X:${"a".repeat(73)}`;
    expect(foldLine(line)).toBe(line);
  });

  it("escapes backslashes, commas, semicolons and line breaks in text", () => {
    const ics = buildCalendar("CANCEL", [
      { uid: "u", sequence: 1, stamp: now, start: now, end: now, summary: "a\\b,c;d\r\ne" },
    ]);
    expect(ics).toContain("SUMMARY:a\\\\b\\,c\\;d\\ne\r\n");
    expect(ics).toContain("METHOD:CANCEL\r\n");
    expect(firstEvent(ics).summary).toBe("a\\b,c;d\ne");
  });

  it("makes a download link that round-trips the file", () => {
    const ics = appointmentCalendarFile({ booking, clinic, now });
    const url = calendarDataUrl(ics);
    expect(url.startsWith("data:text/calendar;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(",") + 1))).toBe(ics);
  });
});
