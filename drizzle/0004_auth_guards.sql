-- FORCE row-level security and grants for the sign-in tables and invitations.
ALTER TABLE "auth_throttle" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "login_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "auth_throttle", "login_codes", "invitations" TO frontdesk_app;
