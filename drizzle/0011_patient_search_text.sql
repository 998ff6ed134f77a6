-- patients.search could never use its trigram index: LIKE is not leakproof, so under row-level
-- security PostgreSQL filters with it only after reading the clinic's rows, and every insert and update
-- paid for the index anyway. The search text is stored instead, so a search matches it directly
-- rather than folding accents and case again for each row.
DROP INDEX "patients_search_idx";--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "search_text" text GENERATED ALWAYS AS (patient_search_text(full_name, email, phone)) STORED;