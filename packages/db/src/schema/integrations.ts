// What lets other software into a clinic: API keys for server-to-server calls (ADR 0028).
import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { practitioners } from "./practice";
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

/**
 * A calendar subscription URL (ADR 0040): one practitioner's appointments, or the whole clinic's
 * (practitioner_id null). The URL carries "<clinic id>_<feed id>_<secret>"; only a keyed hash of
 * the secret is kept, compared in constant time. Revoked feeds stay (the audit log names them).
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    practitionerId: uuid("practitioner_id"),
    hint: text("hint").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
  },
  (t) => [
    tenantPrimaryKey("calendar_feeds", t),
    foreignKey({ name: "calendar_feeds_practitioner_fk", columns: [t.clinicId, t.practitionerId], foreignColumns: [practitioners.clinicId, practitioners.id] }),
    index("calendar_feeds_clinic_practitioner_idx").on(t.clinicId, t.practitionerId),
    tenantIsolation(),
  ],
);
