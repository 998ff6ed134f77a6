// The confirmation e-mail a patient gets after booking online. Its calendar file is built from
// the same booking answer the booking page offers for download, so the two are the same bytes.
import { appointmentCalendarFile, calendarContentType, clinicDateFormat, type BookedAppointment } from "@frontdesk/domain";
import type { MailMessage } from "../ports";

export function confirmationMail(input: {
  to: string;
  booking: BookedAppointment;
  clinic: { name: string; timezone: string; locale: string; address: string | null };
  now: Date;
}): MailMessage {
  const { appointment, manageUrl } = input.booking;
  const when = clinicDateFormat(input.clinic).appointmentTime(appointment.start, appointment.end);
  const text = [
    `Your appointment at ${input.clinic.name} is booked.`,
    "",
    `${appointment.serviceName} with ${appointment.practitionerName}`,
    when,
    ...(input.clinic.address ? [input.clinic.address] : []),
    "",
    `To cancel or move it: ${manageUrl}`,
    "Keep this link to yourself: anyone who has it can change the appointment.",
    "",
  ].join("\n");
  return {
    to: input.to,
    subject: `Booked: ${appointment.serviceName} at ${input.clinic.name}`,
    text,
    attachments: [
      {
        filename: "appointment.ics",
        contentType: calendarContentType("PUBLISH"),
        content: appointmentCalendarFile({ booking: input.booking, clinic: input.clinic, now: input.now }),
      },
    ],
  };
}
