-- What drizzle-kit cannot emit: FORCE row-level security, the double-booking guard, and grants.

-- FORCE: the policies bind the table owner too, so no role but a superuser can read across clinics.
ALTER TABLE "clinics" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "practitioners" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "services" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "practitioner_services" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "working_hours" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "schedule_exceptions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "patients" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "appointments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "booking_tokens" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Two appointments that still occupy the calendar can never overlap for one practitioner, however
-- many transactions race: the blocked range includes the service's buffers; '[)' lets
-- back-to-back appointments touch. Cancelled and no-show appointments free their time.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist (
    "clinic_id" WITH =,
    "practitioner_id" WITH =,
    tstzrange("blocked_from", "blocked_to", '[)') WITH &&
  ) WHERE ("status" IN ('booked', 'confirmed', 'arrived', 'completed'));--> statement-breakpoint

-- The app role gets exactly the DML it needs, nothing on the schema itself.
GRANT USAGE ON SCHEMA public TO frontdesk_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "clinics", "users" TO frontdesk_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "memberships", "sessions", "practitioners", "services", "practitioner_services",
  "working_hours", "schedule_exceptions", "patients", "appointments", "booking_tokens"
  TO frontdesk_app;--> statement-breakpoint
-- The audit log is append-only for the app: history cannot be rewritten from a compromised server.
GRANT SELECT, INSERT ON "audit_log" TO frontdesk_app;--> statement-breakpoint
-- /readyz compares the applied migrations with the ones the server was built with.
GRANT USAGE ON SCHEMA drizzle TO frontdesk_app;--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO frontdesk_app;
