-- FORCE row-level security and grants for the account tables of migration 0013 (ADR 0016).
ALTER TABLE "password_resets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "remembered_devices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "security_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "password_resets", "mfa_recovery_codes", "remembered_devices" TO frontdesk_app;--> statement-breakpoint
-- A user's security history is append-only, like the audit log.
GRANT SELECT, INSERT ON "security_events" TO frontdesk_app;--> statement-breakpoint
-- A password set on an address nobody proved (sign-up before e-mail verification existed) no
-- longer opens anything: the sessions it made end now. The sessions policy shows a user's rows
-- only with that user in scope, hence one user at a time.
DO $$
DECLARE
  unproved uuid;
BEGIN
  FOR unproved IN SELECT id FROM users WHERE email_verified_at IS NULL AND password_hash IS NOT NULL LOOP
    PERFORM set_config('app.user_id', unproved::text, true);
    DELETE FROM sessions WHERE user_id = unproved;
  END LOOP;
  PERFORM set_config('app.user_id', '', true);
END $$;
