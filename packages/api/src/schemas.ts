// Input shapes the web app's forms share with the server (`@frontdesk/api/schemas`). Imports only
// zod, so the browser bundle gets the same rules without any server code.
import { z } from "zod";

/** Whether "YYYY-MM-DD" names a day that exists (Date.parse would roll 02-30 over into March). */
const isRealDate = (value: string) => {
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(value);
};

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .refine(isRealDate, "Not a real date");

/** An ISO-8601 instant with an explicit offset or Z, normalised to UTC. */
export const instant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, "Use an ISO-8601 instant such as 2026-03-02T09:00:00Z")
  .refine((value) => isRealDate(value.slice(0, 10)) && Number(value.slice(11, 13)) < 24 && !Number.isNaN(Date.parse(value)), "Not a real instant")
  .transform((value) => new Date(value).toISOString());

export const id = z.uuid({ error: "Not a valid id" });

export const clinicSlugParam = z.string().trim().toLowerCase().min(1).max(63);

export const bookingPatientSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120, "Name is too long"),
  email: z
    .string()
    .trim()
    .max(254, "E-mail is too long")
    .pipe(z.email({ error: "Enter a valid e-mail address" }))
    .transform((value) => value.toLowerCase()),
  phone: z
    .string()
    .trim()
    .max(40, "Phone number is too long")
    .regex(/^\+?[0-9 ().-]{6,40}$/, "Enter a phone number with digits only (a leading + is fine)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  dateOfBirth: localDate
    .refine((value) => value >= "1900-01-01", "Enter a date after 1900")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const bookingNote = z.string().trim().max(1000, "Keep the note under 1000 characters").optional();

export const bookInput = z.object({
  clinicSlug: clinicSlugParam,
  serviceId: id,
  practitionerId: id.optional(),
  start: instant,
  patient: bookingPatientSchema,
  note: bookingNote,
  /** One per booking attempt (a UUID the client makes): the same key sent again books once. */
  idempotencyKey: z.uuid({ error: "idempotencyKey must be a UUID" }),
});

export const slotsInput = z.object({
  clinicSlug: clinicSlugParam,
  serviceId: id,
  practitionerId: id.optional(),
  from: localDate,
  to: localDate,
});

export const manageToken = z.string().min(10).max(200);
export const cancelReason = z.string().trim().max(500, "Keep the reason under 500 characters").optional();

export type BookingPatient = z.input<typeof bookingPatientSchema>;
export type BookInput = z.input<typeof bookInput>;
