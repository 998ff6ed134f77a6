-- FORCE row-level security and grants for the clinics' data keys (migration 0015, ADR 0025).
ALTER TABLE "clinic_data_keys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- UPDATE re-wraps a key under a new master key or retires it; DELETE drops a retired key once
-- `reencrypt` has moved every value off it.
GRANT SELECT, INSERT, UPDATE, DELETE ON "clinic_data_keys" TO frontdesk_app;
