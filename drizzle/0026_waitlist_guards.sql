-- FORCE row-level security and grants for the waitlist (issue 17, ADR 0035). The public scope
-- writes an entry when a patient joins online and claims an offer through its link: neither table
-- holds contact data, so it gets the same rights as staff, and tenant_isolation still binds both.
ALTER TABLE "waitlist_entries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "waitlist_offers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "waitlist_entries" TO frontdesk_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "waitlist_offers" TO frontdesk_app;
