// The clinic's services (services.*).
import { z } from "zod";
import { noteSections } from "./clinical-notes";
import { id, text, wholeMinutes } from "./fields";

export const PRICE_CENTS_MAX = 100_000_000;

/**
 * The longest a service's buffer before or after may be. The database holds it too
 * (services_buffers_at_most_4_hours, appointments_blocked_at_most_4_hours_around): an appointment
 * then blocks at most a day and 8 hours, and the slot search bounds its index read by that.
 */
export const SERVICE_BUFFER_MAX_MINUTES = 240;

export const serviceFields = {
  name: text(120, "Name is too long", "Enter a name"),
  durationMinutes: wholeMinutes("Duration", 1, 1440),
  bufferBeforeMinutes: wholeMinutes("Buffer before", 0, SERVICE_BUFFER_MAX_MINUTES),
  bufferAfterMinutes: wholeMinutes("Buffer after", 0, SERVICE_BUFFER_MAX_MINUTES),
  /** In the clinic currency's minor unit; null: price on request. */
  priceCents: z
    .number("Enter a price such as 30 or 30.50, or leave it blank")
    .int("Price is in cents")
    .min(0, "Price cannot be negative")
    .max(PRICE_CENTS_MAX, "Price is too high")
    .nullable(),
  bookableOnline: z.boolean(),
  active: z.boolean(),
};

export const createServiceInput = z.object({
  name: serviceFields.name,
  durationMinutes: serviceFields.durationMinutes,
  bufferBeforeMinutes: serviceFields.bufferBeforeMinutes.default(0),
  bufferAfterMinutes: serviceFields.bufferAfterMinutes.default(0),
  priceCents: serviceFields.priceCents.default(null),
  bookableOnline: serviceFields.bookableOnline.default(true),
  // The clinical note template: headings each note of this service starts with (ADR 0026).
  noteSections: noteSections.default([]),
});

export const updateServiceInput = z.object({
  serviceId: id,
  name: serviceFields.name.optional(),
  durationMinutes: serviceFields.durationMinutes.optional(),
  bufferBeforeMinutes: serviceFields.bufferBeforeMinutes.optional(),
  bufferAfterMinutes: serviceFields.bufferAfterMinutes.optional(),
  priceCents: serviceFields.priceCents.optional(),
  bookableOnline: serviceFields.bookableOnline.optional(),
  active: serviceFields.active.optional(),
  noteSections: noteSections.optional(),
});

export const serviceInput = z.object({ serviceId: id });

/** A whole service as a form edits it (the web's ServiceForm checks with this before sending). */
export const serviceValues = z.object(serviceFields);
