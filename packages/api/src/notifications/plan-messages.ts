// Task appointment.notify: decides who hears about an appointment change, on which channels.
import { z } from "zod";
import { defineTask } from "../jobs/task";

export const planMessagesTask = defineTask({
  name: "appointment.notify",
  payload: z.object({
    clinicId: z.uuid(),
    appointmentId: z.uuid(),
    event: z.enum(["booked", "rescheduled", "cancelled"]),
    version: z.number().int().positive(),
    previousStart: z.iso.datetime().nullable(),
    notifyPatient: z.boolean(),
    by: z.enum(["patient", "staff"]),
  }),
  async run() {
    // Filled in below the skeleton commit.
  },
});
