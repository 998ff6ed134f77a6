// Words for the webhook screens: event names and delivery states as an admin reads them.
import type { WebhookDeliveryStatus, WebhookEventType } from "@frontdesk/domain";

export const EVENT_LABELS: Record<WebhookEventType, string> = {
  "appointment.booked": "Appointment booked",
  "appointment.rescheduled": "Appointment moved",
  "appointment.cancelled": "Appointment cancelled",
  "appointment.status_changed": "Appointment status changed (confirmed, arrived, completed, no-show)",
  "patient.created": "Patient record created",
};

export const DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: "Queued",
  retrying: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
};

export const eventLabel = (type: string) => (type === "webhook.test" ? "Test event" : (EVENT_LABELS[type as WebhookEventType] ?? type));
