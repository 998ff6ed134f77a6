// iCalendar (RFC 5545): the one builder, for the confirmation e-mail's attachment and the booking
// page's "Add to calendar" download, which are the same bytes for the same appointment. Times go
// out as UTC instants (no VTIMEZONE to get wrong), so every calendar places them right.
import type { PatientLanguage } from "./patient-pages";

export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export interface CalendarEvent {
  /** Stable across files for the same appointment, so calendars update instead of duplicating. */
  uid: string;
  /** Revision number: bumped on every change, so a calendar keeps the newest file. */
  sequence: number;
  /** When this version of the event was written (DTSTAMP). */
  stamp: string | Date;
  start: string | Date;
  end: string | Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  /** CANCELLED in a METHOD:CANCEL file: calendars remove the event. */
  status?: "CANCELLED";
}

const PRODUCT_ID = "-//Frontdesk//Booking//EN";
const MAX_LINE_OCTETS = 75;

/** "20260303T133000Z" (RFC 5545 DATE-TIME in UTC, no fractions). */
export function icalDateTime(instant: string | Date): string {
  return new Date(instant).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** A content line folded at 75 octets: CRLF and one space, never inside a UTF-8 sequence (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const length = encoder.encode(char).length;
    // Continuation lines start with the space, which counts towards their 75 octets.
    if (size + length > (pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1)) {
      pieces.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += length;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

function eventLines(event: CalendarEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icalDateTime(event.stamp)}`,
    `DTSTART:${icalDateTime(event.start)}`,
    `DTEND:${icalDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    // URI values are not TEXT: no escaping, only folding.
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.status ? [`STATUS:${event.status}`] : []),
    "END:VEVENT",
  ];
}

/** A VCALENDAR with its events, CRLF line ends and folded lines. */
export function buildCalendar(method: CalendarMethod, events: readonly CalendarEvent[]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODUCT_ID}`, "CALSCALE:GREGORIAN", `METHOD:${method}`, ...events.flatMap(eventLines), "END:VCALENDAR"];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/**
 * A subscription feed (ADR 0040): the same events, with the calendar's name and how often to
 * come back (RFC 7986 NAME and REFRESH-INTERVAL, and the X-WR/X-PUBLISHED-TTL spellings Google,
 * Apple and Outlook read). Times stay UTC instants; X-WR-TIMEZONE only suggests the display zone.
 */
export function buildFeedCalendar(input: { name: string; timezone: string; refreshMinutes: number; events: readonly CalendarEvent[] }): string {
  const ttl = `PT${input.refreshMinutes}M`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(input.name)}`,
    `X-WR-CALNAME:${escapeText(input.name)}`,
    `X-WR-TIMEZONE:${input.timezone}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${ttl}`,
    `X-PUBLISHED-TTL:${ttl}`,
    ...input.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** The MIME type of a calendar file for `method`, as an e-mail attachment declares it. */
export const calendarContentType = (method: CalendarMethod) => `text/calendar; charset=utf-8; method=${method}`;

/** What the booking answer and the e-mail both know about a booked appointment. */
export interface BookedAppointment {
  appointment: { id: string; start: string; end: string; serviceName: string; practitionerName: string; version: number };
  manageUrl: string;
}

/**
 * The file's own words, per patient language (ADR 0057). Here rather than in a message catalogue
 * because the booking page builds the same file: both ends read this one table, so the download
 * and the e-mail's attachment stay the same bytes in every language.
 */
export const CALENDAR_WORDS: Record<PatientLanguage, { changeOrCancel: string; cancelled: string }> = {
  en: { changeOrCancel: "Change or cancel", cancelled: "Cancelled" },
  fr: { changeOrCancel: "Modifier ou annuler", cancelled: "Annulé" },
  de: { changeOrCancel: "Ändern oder absagen", cancelled: "Abgesagt" },
  es: { changeOrCancel: "Cambiar o cancelar", cancelled: "Cancelada" },
};

/**
 * The patient's calendar file for a booking: the e-mail attaches it and the booking page offers
 * it for download, from the same booking answer, so both are the same bytes.
 */
export function appointmentCalendarFile(input: {
  booking: BookedAppointment;
  clinic: { name: string; address: string | null };
  now: Date;
  /** CANCEL for a cancellation notice: the same UID at a higher SEQUENCE removes the event. */
  method?: "PUBLISH" | "CANCEL";
  /** The patient's language for the description (English when absent). */
  language?: PatientLanguage;
}): string {
  const { appointment, manageUrl } = input.booking;
  const words = CALENDAR_WORDS[input.language ?? "en"];
  const place = input.clinic.address ? `${input.clinic.name}, ${input.clinic.address}` : input.clinic.name;
  const method = input.method ?? "PUBLISH";
  return buildCalendar(method, [
    {
      uid: `${appointment.id}@frontdesk`,
      // Versions start at 1; the first file of an event is sequence 0.
      sequence: appointment.version - 1,
      stamp: input.now,
      start: appointment.start,
      end: appointment.end,
      summary: `${appointment.serviceName}, ${appointment.practitionerName} (${input.clinic.name})`,
      location: place,
      description: method === "CANCEL" ? words.cancelled : `${words.changeOrCancel}: ${manageUrl}`,
      url: method === "CANCEL" ? null : manageUrl,
      ...(method === "CANCEL" ? { status: "CANCELLED" as const } : {}),
    },
  ]);
}

/** A data: URL for a download link (no object URL to revoke). */
export function calendarDataUrl(ics: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}
