// Webhook endpoints an admin registers (clinic.webhooks.*).
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_SCOPES } from "../webhooks";
import { id, text } from "./fields";

const URL_MESSAGE = "Enter an http:// or https:// address such as https://example.com/hooks";

/** Where deliveries go: http(s) only, no credentials in the address (they would be stored and shown). */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the address that receives the events")
  .max(2000, "The address is too long")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && url.username === "" && url.password === "";
    } catch {
      return false;
    }
  }, URL_MESSAGE);

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Unknown event" }))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)]);

const scopes = z
  .array(z.enum(WEBHOOK_SCOPES, { error: "Unknown scope" }))
  .max(WEBHOOK_SCOPES.length)
  .transform((list) => [...new Set(list)]);

const description = text(200, "The description is too long");

export const createWebhookEndpointInput = z.object({
  url: webhookUrl,
  description: description.default(""),
  events,
  scopes: scopes.default([]),
});

export const updateWebhookEndpointInput = z.object({
  endpointId: id,
  url: webhookUrl.optional(),
  description: description.optional(),
  events: events.optional(),
  scopes: scopes.optional(),
  enabled: z.boolean().optional(),
});

export const webhookEndpointInput = z.object({ endpointId: id });

/** How long the old secret keeps signing next to the new one, so receivers can switch without a gap. */
export const WEBHOOK_ROTATION_OVERLAP_MAX_HOURS = 7 * 24;
export const rotateWebhookSecretInput = z.object({
  endpointId: id,
  overlapHours: z
    .number("Enter a number of hours")
    .int("Whole hours only")
    .min(0, "Cannot be negative")
    .max(WEBHOOK_ROTATION_OVERLAP_MAX_HOURS, `At most ${WEBHOOK_ROTATION_OVERLAP_MAX_HOURS} hours (a week)`)
    .default(24),
});

export const listWebhookDeliveriesInput = z.object({
  endpointId: id.optional(),
  /** Only the ones that gave up or are waiting for another attempt (the failures page). */
  problemsOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
});

export const retryWebhookDeliveryInput = z.object({ deliveryId: id });
