import { z } from "zod";
import { fixedStatement, type Database, type Transaction } from "./client";
import { membershipRole } from "./schema/enums";

/**
 * Staff roles from memberships, plus `public` for unauthenticated booking and manage links, and
 * `system` for the job worker acting for a clinic (sending its messages; no person behind it).
 */
export const scopeRoles = [...membershipRole.enumValues, "public", "system"] as const;
export type ScopeRole = (typeof scopeRoles)[number];

export interface TenantScope {
  clinicId: string;
  userId: string | null;
  role: ScopeRole;
}

export interface IdentityScope {
  userId?: string | null;
  sessionId?: string | null;
}

/** A scope that cannot be right: rejected before any query runs. */
export class ScopeError extends Error {
  override name = "ScopeError";
}

const tenantScopeSchema = z.object({
  clinicId: z.uuid({ error: "clinicId must be a UUID" }),
  userId: z.uuid({ error: "userId must be a UUID or null" }).nullable(),
  role: z.enum(scopeRoles, { error: `role must be one of ${scopeRoles.join(", ")}` }),
});

const identityScopeSchema = z.object({
  userId: z.uuid({ error: "userId must be a UUID or null" }).nullish(),
  sessionId: z.string().min(1).max(128).nullish(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ScopeError(result.error.issues.map((issue) => issue.message).join("; "));
  }
  return result.data;
}

interface Settings {
  clinicId: string;
  userId: string;
  role: string;
  sessionId: string;
}

/**
 * The one place that opens a scoped transaction. The settings are transaction-local
 * (`set_config(…, true)`) and bound as parameters, and they are the first statement: a pooled
 * connection never carries one request's clinic into the next.
 *
 * The settings are issued, not awaited, before `work` runs: postgres.js sends a transaction's
 * statements in the order they are issued (as a booking's writes rely on, ADR 0012), so they stay
 * first while the work's first statements share their round trip. If they fail, so does
 * everything after them, and the transaction rolls back.
 */
// A fixed statement (client.ts): issued before anything else the work sends, drizzle's or fixed.
const setScope = fixedStatement(`select
  set_config('app.clinic_id', $1, true),
  set_config('app.user_id', $2, true),
  set_config('app.role', $3, true),
  set_config('app.session_id', $4, true)`);

async function inScope<T>(db: Database, settings: Settings, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const scoped = setScope(tx, [settings.clinicId, settings.userId, settings.role, settings.sessionId]);
    // Through an async function: a work that throws at once still leaves `scoped` handled.
    const [, result] = await Promise.all([scoped, (async () => work(tx))()]);
    return result;
  });
}

/**
 * Runs `work` in one transaction scoped to a clinic: row-level security shows and accepts only
 * that clinic's rows. The only way server code reaches tenant tables. A throw rolls back.
 */
export async function withTenant<T>(
  db: Database,
  scope: TenantScope,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const { clinicId, userId, role } = parse(tenantScopeSchema, scope);
  return inScope(db, { clinicId, userId: userId ?? "", role, sessionId: "" }, work);
}

/**
 * Runs `work` in one transaction with no clinic: for sign-in and session handling, which touch
 * only global tables (users, sessions, one's own memberships). Tenant tables show no rows here.
 */
export async function withIdentity<T>(
  db: Database,
  scope: IdentityScope,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const { userId, sessionId } = parse(identityScopeSchema, scope);
  return inScope(db, { clinicId: "", userId: userId ?? "", role: "", sessionId: sessionId ?? "" }, work);
}
