// The confirmation e-mail a patient gets after booking online.
import type { MailMessage } from "../ports";
import { appointmentIcs } from "../booking/ics";

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per clinic
// language and zone (a handful per process).
const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(timezone: string, locale: string) {
  const key = `${locale} ${timezone}`;
  let found = formats.get(key);
  if (!found) {
    found = {
      day: new Intl.DateTimeFormat(locale, { timeZone: timezone, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat(locale, { timeZone: timezone, hour: "2-digit", minute: "2-digit" }),
    };
    formats.set(key, found);
  }
  return found;
}

/** "Monday 9 March 2026, 14:30–15:00 (Europe/Paris)" in the clinic's language and zone. */
export function describeTime(start: Date, end: Date, timezone: string, locale: string): string {
  const { day, time } = formatsFor(timezone, locale);
  return `${day.format(start)}, ${time.format(start)}–${time.format(end)} (${timezone})`;
}

export function confirmationMail(input: {
  to: string;
  appointmentId: string;
  start: Date;
  end: Date;
  clinic: { name: string; timezone: string; locale: string; address: string | null };
  serviceName: string;
  practitionerName: string;
  manageUrl: string;
  now: Date;
}): MailMessage {
  const when = describeTime(input.start, input.end, input.clinic.timezone, input.clinic.locale);
  const text = [
    `Your appointment at ${input.clinic.name} is booked.`,
    "",
    `${input.serviceName} with ${input.practitionerName}`,
    when,
    ...(input.clinic.address ? [input.clinic.address] : []),
    "",
    `To cancel or move it: ${input.manageUrl}`,
    "Keep this link to yourself: anyone who has it can change the appointment.",
    "",
  ].join("\n");
  return {
    to: input.to,
    subject: `Booked: ${input.serviceName} at ${input.clinic.name}`,
    text,
    attachments: [
      {
        filename: "appointment.ics",
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: appointmentIcs({
          uid: input.appointmentId,
          start: input.start,
          end: input.end,
          summary: `${input.serviceName} – ${input.clinic.name}`,
          location: input.clinic.address,
          description: `With ${input.practitionerName}. Cancel or move: ${input.manageUrl}`,
          now: input.now,
        }),
      },
    ],
  };
}
