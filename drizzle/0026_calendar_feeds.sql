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
--> statement-breakpoint
-- For /metrics (job queue depth and age): counts and an age, nothing about any job's clinic or
-- payload. SECURITY DEFINER because the app role has no rights on graphile_worker's tables (0018).
CREATE FUNCTION "job_queue_stats"()
  RETURNS TABLE (waiting bigint, running bigint, failed bigint, oldest_waiting_seconds double precision)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
    SELECT
      count(*) FILTER (WHERE j.locked_at IS NULL AND j.run_at <= now() AND j.attempts < j.max_attempts),
      count(*) FILTER (WHERE j.locked_at IS NOT NULL),
      count(*) FILTER (WHERE j.attempts >= j.max_attempts),
      coalesce(extract(epoch FROM now() - min(j.run_at) FILTER (WHERE j.locked_at IS NULL AND j.run_at <= now() AND j.attempts < j.max_attempts)), 0)::double precision
    FROM graphile_worker._private_jobs j;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "job_queue_stats"() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "job_queue_stats"() TO frontdesk_app;
