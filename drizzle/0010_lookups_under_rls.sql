-- Lookups made on every booking and slot search, usable under row-level security. There only leakproof
-- comparisons reach an index: lower(email) does not (so an e-mail lookup read every patient of the
-- clinic), nor does the range overlap of the exclusion constraint (so busy times read every
-- appointment the practitioner ever had). Plain equality on a stored lower-cased e-mail, and a
-- plain comparison on blocked_to, do.
DROP INDEX "patients_clinic_email_idx";--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "email_key" text GENERATED ALWAYS AS (lower(email)) STORED;--> statement-breakpoint
CREATE INDEX "patients_clinic_email_key_idx" ON "patients" USING btree ("clinic_id","email_key");--> statement-breakpoint
CREATE INDEX "appointments_practitioner_blocked_idx" ON "appointments" USING btree ("clinic_id","practitioner_id","blocked_to");