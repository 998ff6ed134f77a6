import type { Transaction } from "@frontdesk/db";
import { auditLog } from "@frontdesk/db/schema";

export type ActorKind = "user" | "patient_link" | "online_booking" | "system";

export interface AuditEntry {
  clinicId: string;
  actorUserId: string | null;
  actorKind: ActorKind;
  action: string;
  entity: string;
  entityId: string | null;
  /** { field: [old, new] }; never password hashes or tokens. */
  changes?: Record<string, [unknown, unknown]>;
  requestId: string;
}

/** Writes one audit row in the caller's transaction: it commits or rolls back with the change. */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, changes: entry.changes ?? null });
}
