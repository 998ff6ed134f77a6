// A message as staff see it: where it went, how it is doing, why it failed. Never its text.
import type { messages } from "@frontdesk/db/schema";

export function messageView(row: typeof messages.$inferSelect) {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    sendAt: row.sendAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    failureReason: row.failureReason,
    sentAt: row.sentAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
