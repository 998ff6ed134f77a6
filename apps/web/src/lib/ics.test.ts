import { describe, expect, it } from "vitest";
import { buildIcs, icsDataUrl } from "./ics";

const event = {
  uid: "4a0f6c1e-0000-4000-8000-000000000001",
  start: "2026-03-03T13:30:00.000Z",
  end: "2026-03-03T14:00:00.000Z",
  summary: "Consultation, Dr Claire Martin",
  location: "12 rue de la Santé, 75013 Paris",
  description: "Change or cancel: https://example.test/booking/abc",
  now: new Date("2026-03-01T08:00:00Z"),
};

describe("add to calendar (.ics)", () => {
  it("writes the appointment as UTC instants with CRLF line ends", () => {
    const ics = buildIcs(event);
    expect(ics).toContain("DTSTART:20260303T133000Z\r\n");
    expect(ics).toContain("DTEND:20260303T140000Z\r\n");
    expect(ics).toContain("DTSTAMP:20260301T080000Z\r\n");
    expect(ics).toContain(`UID:${event.uid}@frontdesk\r\n`);
    expect(ics.split("\r\n").filter(Boolean).every((line) => !line.includes("\n"))).toBe(true);
  });

  it("escapes commas and semicolons in text", () => {
    expect(buildIcs(event)).toContain("SUMMARY:Consultation\\, Dr Claire Martin");
    expect(buildIcs(event)).toContain("LOCATION:12 rue de la Santé\\, 75013 Paris");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const ics = buildIcs({ ...event, description: "é".repeat(100) });
    const lines = ics.split("\r\n");
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain(`DESCRIPTION:${"é".repeat(100)}`);
  });

  it("makes a download link that round-trips the file", () => {
    const ics = buildIcs(event);
    const url = icsDataUrl(ics);
    expect(url.startsWith("data:text/calendar")).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(",") + 1))).toBe(ics);
  });
});
