import { primaryKey, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/** Instants are always timestamptz; Date values are instants (never read their local-time getters). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A global table's key (users, sessions, clinics: the reference tables of docs/scaling.md). */
export const id = () => uuid("id").primaryKey().defaultRandom();
/** A tenant row's id; its primary key is `tenantPrimaryKey`, never the id alone. */
export const tenantId = () => uuid("id").notNull().defaultRandom();
/**
 * (clinic_id, id): composite foreign keys between tenant tables reference it, and sharded by
 * clinic (Citus) every shard can still enforce it on its own (docs/scaling.md).
 */
export const tenantPrimaryKey = (table: string, t: { clinicId: AnyPgColumn; id: AnyPgColumn }) =>
  primaryKey({ name: `${table}_pkey`, columns: [t.clinicId, t.id] });
export const createdAt = () => instant("created_at").notNull().defaultNow();
export const updatedAt = () => instant("updated_at").notNull().defaultNow();
