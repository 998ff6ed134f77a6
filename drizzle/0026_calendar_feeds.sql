CREATE TABLE "calendar_feeds" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"practitioner_id" uuid,
	"hint" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "feed_detail" text DEFAULT 'time' NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "public"."practitioners"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_feeds_clinic_practitioner_idx" ON "calendar_feeds" USING btree ("clinic_id","practitioner_id");--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_feed_detail" CHECK ("practitioners"."feed_detail" in ('time', 'initials', 'name'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "calendar_feeds" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
-- Hand-written (drizzle-kit emits neither): FORCE makes the policy hold for the table's owner too.
ALTER TABLE "calendar_feeds" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Feeds are revoked (revoked_at), not deleted by the app; DELETE as for api_keys (a clinic's own clean-up).
GRANT SELECT, INSERT, UPDATE, DELETE ON "calendar_feeds" TO frontdesk_app;
