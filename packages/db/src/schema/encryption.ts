import { sql } from "drizzle-orm";
import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey } from "./columns";
import { tenantIsolation } from "./policies";

/**
 * A clinic's data keys (ADR 0025): AES-256 keys that encrypt its clinical text, stored only
 * wrapped by a master key the database never sees. Ciphertext names the data key it was made
 * with, so a retired key still opens old rows until `reencrypt` has moved them to the active one.
 */
export const clinicDataKeys = pgTable(
  "clinic_data_keys",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** The data key encrypted by the master key `masterKeyId` (nonce and ciphertext, base64url). */
    wrappedKey: text("wrapped_key").notNull(),
    /** Which master key wrapped it: rotating the master key re-wraps every row, data untouched. */
    masterKeyId: text("master_key_id").notNull(),
    /** Set when a newer key takes over new writes; null for the clinic's one active key. */
    retiredAt: instant("retired_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("clinic_data_keys", t),
    // One active key per clinic: two requests creating the first key at once keep one of them.
    uniqueIndex("clinic_data_keys_one_active_idx").on(t.clinicId).where(sql`retired_at is null`),
    tenantIsolation(),
  ],
);
