import type { Transaction } from "@frontdesk/db";
import { auditLog } from "@frontdesk/db/schema";
import type { StaffScope } from "./trpc";

export type ActorKind = "user" | "api_key" | "patient_link" | "patient_account" | "online_booking" | "system" | "operator";

export interface AuditEntry {
  clinicId: string;
  actorUserId: string | null;
  actorKind: ActorKind;
  /** With actorKind "api_key": which key. */
  actorApiKeyId?: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** { field: [old, new] }; never password hashes or tokens. */
  changes?: Record<string, [unknown, unknown]>;
  requestId: string;
}

/**
 * Writes one audit row in the caller's transaction: it commits or rolls back with the change.
 * The insert is issued before this returns, in call order with the caller's other queries, so a
 * caller may send it together with them (see public.book).
 */
export function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  return tx
    .insert(auditLog)
    .values({ ...entry, changes: entry.changes ?? null })
    .execute()
    .then(() => undefined);
}

/** What a staff member did, in the clinic and transaction of their request (see staffProcedure). */
export type StaffAuditEntry = Pick<AuditEntry, "action" | "entity" | "entityId" | "changes">;

/** recordAudit for a staff procedure: the member, their clinic and the request id come from `ctx`. */
export function recordStaffAudit(ctx: { staff: StaffScope; requestId: string }, entry: StaffAuditEntry): Promise<void> {
  const { tx, clinicId, userId, apiKeyId } = ctx.staff;
  const actor = apiKeyId ? { actorUserId: null, actorKind: "api_key" as const, actorApiKeyId: apiKeyId } : { actorUserId: userId, actorKind: "user" as const };
  return recordAudit(tx, { ...entry, clinicId, ...actor, requestId: ctx.requestId });
}
