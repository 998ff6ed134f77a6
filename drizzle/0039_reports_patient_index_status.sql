-- The reports' new-patient check (ADR 0060) probes appointments_patient_idx once per patient seen
-- in the period for a kept appointment before it: with the status in the index those probes are
-- answered from the index alone (index-only scans: no heap visit per patient, the rows before a
-- period are old and all-visible). Same name and key columns, so every other use is unchanged.
DROP INDEX "appointments_patient_idx";--> statement-breakpoint
CREATE INDEX "appointments_patient_idx" ON "appointments" USING btree ("clinic_id", "patient_id", "starts_at") INCLUDE ("status");
