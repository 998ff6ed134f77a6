// Online booking and the patient's manage link (public.*): what a patient types and sends.
import { z } from "zod";
import { blankAsUndefined, clinicSlug, email, id, instant, localDate, patientLanguageInput, text, token } from "./fields";
import { intakeSubmission } from "./intake";

export const phoneNumber = z
  .string()
  .trim()
  .max(40, "Phone number is too long")
  .regex(/^\+?[0-9 ().-]{6,40}$/, "Enter a phone number with digits only (a leading + is fine)");

export const dateOfBirth = localDate;

export const bookingPatient = z.object({
  name: text(120, "Name is too long", "Enter your name"),
  email,
  phone: blankAsUndefined(phoneNumber),
  dateOfBirth: blankAsUndefined(dateOfBirth),
});

export const bookingNote = text(1000, "Keep the note under 1000 characters").optional();

export const clinicInput = z.object({ clinicSlug });

export const slotsInput = z.object({
  clinicSlug,
  serviceId: id,
  practitionerId: id.optional(),
  from: localDate,
  to: localDate,
});

export const bookInput = z.object({
  clinicSlug,
  serviceId: id,
  practitionerId: id.optional(),
  start: instant,
  patient: bookingPatient,
  note: bookingNote,
  /** Answers to the service's intake form, if it has one (ADR 0037). */
  intake: intakeSubmission.optional(),
  /** The version of the clinic's privacy notice the patient accepted; required when the clinic has one. */
  privacyNoticeVersion: text(40, "Not a privacy notice version").optional(),
  /** One per booking attempt (a UUID the client makes): the same key sent again books once. */
  idempotencyKey: z.uuid({ error: "idempotencyKey must be a UUID" }),
  /** The booking page's language: the confirmation and the reminders speak it (ADR 0057). */
  language: patientLanguageInput,
});

export const manageToken = token(200, "This link is not valid");

export const bookingGetInput = z.object({ token: manageToken });
export const bookingCancelInput = z.object({ token: manageToken, reason: text(500, "Keep the reason under 500 characters").optional() });
export const bookingRescheduleInput = z.object({ token: manageToken, start: instant, practitionerId: id.optional() });

export type BookingPatient = z.input<typeof bookingPatient>;
export type BookInput = z.input<typeof bookInput>;
export type SlotsInput = z.output<typeof slotsInput>;
