import { sql } from "drizzle-orm";
import { date, foreignKey, index, pgPolicy, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { currentRole, tenantIsolation } from "./policies";

/** A clinic's own record of a patient; the same person at two clinics is two unrelated rows. */
export const patients = pgTable(
  "patients",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    fullName: text("full_name").notNull(),
    email: text("email"),
    /**
     * The e-mail as it is looked up: lower-cased, kept by PostgreSQL. An index on lower(email) is
     * no use under row-level security: lower() is not leakproof, so PostgreSQL filters with it
     * only after the policy's rows are read, every patient of the clinic. Equality on a plain
     * column is leakproof and uses the index.
     */
    emailKey: text("email_key").generatedAlwaysAs(sql`lower(email)`),
    /**
     * What patients.search matches fragments against (function in migration 0007), kept by
     * PostgreSQL so that a search does not fold accents and case again for every row it reads.
     * If the unaccent rules file is ever edited, recompute it (UPDATE patients SET full_name = full_name).
     */
    searchText: text("search_text").generatedAlwaysAs(sql`patient_search_text(full_name, email, phone)`),
    /**
     * The name as patients.search sorts it (accents and case folded), kept by PostgreSQL so that
     * the search index (migration 0016) holds it and a page is sorted without folding every name.
     */
    nameKey: text("name_key").generatedAlwaysAs(sql`search_normalize(full_name)`),
    phone: text("phone"),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    notes: text("notes"),
    userId: uuid("user_id").references(() => users.id),
    archivedAt: instant("archived_at"),
    /** Set when the patient was anonymised (erasure or the retention job, ADR 0038): the row stays for the statistics. */
    erasedAt: instant("erased_at"),
    /** Merged into this patient by an admin (archived with it); the audit entry of the merge says what moved, to split back. */
    mergedIntoId: uuid("merged_into_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("patients", t),
    foreignKey({ name: "patients_merged_into_fk", columns: [t.clinicId, t.mergedIntoId], foreignColumns: [t.clinicId, t.id] }),
    // Possible duplicates: the same phone (E.164) in the clinic; name plus date of birth (name_key).
    // Partial, so that they serve only lookups that name the column: a search (no phone or date
    // condition) keeps to patients_search_idx.
    index("patients_clinic_phone_idx").on(t.clinicId, t.phone).where(sql`${t.phone} is not null`),
    index("patients_clinic_birth_idx").on(t.clinicId, t.dateOfBirth, t.nameKey).where(sql`${t.dateOfBirth} is not null`),
    index("patients_clinic_email_key_idx").on(t.clinicId, t.emailKey),
    // patients.search: LIKE is not leakproof, so under row-level security no trigram index can
    // serve it (ADR 0013). patients_search_idx (migration 0016, INCLUDE is not expressible here)
    // holds (clinic_id, name_key, full_name, id) with the search text of active patients, so a
    // search reads the clinic's entries from that index alone, in name order, and never the
    // heap pages it shares with other clinics (ADR 0031).
    tenantIsolation(),
    // A patient booking online adds themselves but never reads, changes or removes a patient, even
    // if a query of the public pages forgets: finding an existing one by e-mail goes through
    // booking_patient_id() (migration 0012), which answers an id and nothing else.
    pgPolicy("patients_hidden_from_public", {
      as: "restrictive",
      for: "all",
      to: "frontdesk_app",
      using: sql`${currentRole} is distinct from 'public'`,
      withCheck: sql`true`,
    }),
  ],
);
