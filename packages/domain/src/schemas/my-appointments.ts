import { z } from "zod";
import { clinicSlug, id, instant, text } from "./fields";

/** myAppointments.*: a signed-in patient's own appointments at one clinic (the clinic of the page). */
export const myAppointmentsInput = z.object({ clinicSlug });
export const myAppointmentCancelInput = z.object({ clinicSlug, appointmentId: id, reason: text(500, "Keep the reason under 500 characters").optional() });
export const myAppointmentMoveInput = z.object({ clinicSlug, appointmentId: id, start: instant, practitionerId: id.optional() });
