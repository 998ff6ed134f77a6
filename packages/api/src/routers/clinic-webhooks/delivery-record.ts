import type { webhookDeliveries } from "@frontdesk/db/schema";

/** A delivery for the settings screen: its state, never its payload. */
export const deliveryView = (d: typeof webhookDeliveries.$inferSelect) => ({
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  /** When the next attempt is due (retrying), or when the running one's lease ends. */
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});
