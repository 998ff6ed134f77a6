import { sql } from "drizzle-orm";
import { pgPolicy } from "drizzle-orm/pg-core";

/**
 * The request's scope, set per transaction by `withTenant` / `withIdentity`.
 * `nullif(…, '')` because a transaction-local setting stays defined as '' on a pooled
 * connection afterwards: no setting must mean "no rows", never an error and never all rows.
 */
export const currentClinicId = sql`(select nullif(current_setting('app.clinic_id', true), '')::uuid)`;
export const currentUserId = sql`(select nullif(current_setting('app.user_id', true), '')::uuid)`;
export const currentSessionId = sql`(select nullif(current_setting('app.session_id', true), ''))`;
export const currentRole = sql`(select nullif(current_setting('app.role', true), ''))`;

/** Name of the policy every table with a `clinic_id` column must carry (the catalog test checks it). */
export const TENANT_ISOLATION_POLICY = "tenant_isolation";

/** Stops one clinic from reading or writing another clinic's rows, even if a query forgets its filter. */
export const tenantIsolation = (clinicId: Parameters<typeof sql.identifier>[0] = "clinic_id") =>
  pgPolicy(TENANT_ISOLATION_POLICY, {
    as: "permissive",
    for: "all",
    using: sql`${sql.identifier(clinicId)} = ${currentClinicId}`,
    withCheck: sql`${sql.identifier(clinicId)} = ${currentClinicId}`,
  });
