import { bigint, foreignKey, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { instant, tenantPrimaryKey } from "./columns";
import { apiKeys } from "./integrations";
import { tenantIsolation } from "./policies";

/** Who did (or saw) what. Append-only: the app role may only INSERT and SELECT (custom migration). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** The API key a request came with (actor_kind "api_key"). */
    actorApiKeyId: uuid("actor_api_key_id"),
    /** "user", "patient_link", "online_booking" or "system". */
    actorKind: text("actor_kind").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    /** Changed fields as { field: [old, new] }; never password hashes or tokens. */
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>(),
    requestId: text("request_id"),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey("audit_log", t),
    index("audit_log_clinic_at_idx").on(t.clinicId, t.at),
    index("audit_log_clinic_entity_idx").on(t.clinicId, t.entity, t.entityId),
    foreignKey({ name: "audit_log_api_key_fk", columns: [t.clinicId, t.actorApiKeyId], foreignColumns: [apiKeys.clinicId, apiKeys.id] }),
    tenantIsolation(),
  ],
);
