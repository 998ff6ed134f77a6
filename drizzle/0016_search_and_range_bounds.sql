ALTER TABLE "patients" ADD COLUMN "name_key" text GENERATED ALWAYS AS (search_normalize(full_name)) STORED;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_at_most_a_day" CHECK ("appointments"."ends_at" <= "appointments"."starts_at" + interval '1 day');--> statement-breakpoint
-- patients.search under row-level security (ADR 0031): LIKE is not leakproof, so no index can
-- apply it, but this one holds everything a search reads: the clinic's active patients in name
-- order with their search text. A search scans the clinic's entries here (index only) instead of
-- one heap page per patient, and the page of results comes out already sorted.
CREATE INDEX "patients_search_idx" ON "patients" USING btree ("clinic_id", "name_key", "full_name", "id") INCLUDE ("search_text") WHERE "archived_at" IS NULL;
