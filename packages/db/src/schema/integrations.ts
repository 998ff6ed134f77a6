// What lets other software into a clinic: API keys for server-to-server calls (ADR 0028).
import { sql } from "drizzle-orm";
import { check, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey } from "./columns";
import { tenantIsolation } from "./policies";

/**
 * One API key of a clinic. Only a keyed hash of the whole key is stored (the key carries the
 * clinic id, so the lookup runs under the clinic's row-level security); `hint` is the first
 * characters of its secret, shown in lists so people can tell their keys apart.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    hint: text("hint").notNull(),
    keyHash: text("key_hash").notNull(),
    /** Subset of API_KEY_SCOPES (packages/domain). */
    scopes: text("scopes").array().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: instant("expires_at"),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [
    tenantPrimaryKey("api_keys", t),
    unique("api_keys_clinic_id_key_hash_key").on(t.clinicId, t.keyHash),
    check("api_keys_scopes_not_empty", sql`cardinality(${t.scopes}) > 0`),
    tenantIsolation(),
  ],
);
