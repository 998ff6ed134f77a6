// Outgoing webhooks (ADR 0023): the events a clinic can subscribe an endpoint to, and the scopes
// that widen what a payload carries. Shared by the API (what it sends) and the web (what it offers).

export const WEBHOOK_EVENT_TYPES = [
  "appointment.booked",
  "appointment.rescheduled",
  "appointment.cancelled",
  "appointment.status_changed",
  "patient.created",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * A payload carries ids, times and statuses only. `patient.contact` adds the patient's name,
 * e-mail and phone: an admin grants it knowingly, per endpoint.
 */
export const WEBHOOK_SCOPES = ["patient.contact"] as const;
export type WebhookScope = (typeof WEBHOOK_SCOPES)[number];

/** Delivery states: pending (queued), retrying (failed, another attempt at next_attempt_at), delivered, failed (gave up). */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "retrying", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** The test event an admin sends from settings; never subscribed to, always allowed. */
export const WEBHOOK_TEST_EVENT = "webhook.test";
