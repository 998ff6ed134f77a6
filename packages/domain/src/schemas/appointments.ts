// The receptionist's moves on appointments (appointments.*).
import { z } from "zod";
import { SETTABLE_STATUSES } from "../appointment-status";
import { bookingPatient } from "./booking";
import { id, instant, text, version } from "./fields";

const notes = text(2000, "Keep notes under 2000 characters").optional();

export const appointmentInput = z.object({ id });

export const createAppointmentInput = z
  .object({
    patientId: id.optional(),
    newPatient: bookingPatient.partial({ email: true }).optional(),
    serviceId: id,
    practitionerId: id,
    start: instant,
    notes,
    /** Staff untick "notify": the patient gets no confirmation (reminders still follow the clinic's rules). */
    notify: z.boolean().optional(),
  })
  .refine((v) => (v.patientId === undefined) !== (v.newPatient === undefined), {
    message: "Give either patientId or newPatient",
    path: ["patientId"],
  });

export const rescheduleAppointmentInput = z.object({ id, version, start: instant, practitionerId: id.optional() });

export const cancelAppointmentInput = z.object({ id, version, reason: text(500, "Keep the reason under 500 characters", "Say why (the patient may ask)") });

/** Statuses staff set directly; cancelling has its own procedure (it needs a reason). */
export const setStatusInput = z.object({
  id,
  version,
  status: z.enum(SETTABLE_STATUSES, {
    error: "Status must be confirmed, arrived, completed or no_show (use cancel to cancel)",
  }),
});
