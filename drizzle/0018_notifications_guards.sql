-- FORCE row-level security and grants for the notification tables of migration 0015, and the two
-- functions through which the app role reaches the job queue (ADR 0021). graphile-worker's own
-- schema (graphile_worker) is installed before these migrations by runMigrations (migrate.ts) and
-- belongs to the owner; the app role gets nothing on it but these functions.
ALTER TABLE "messages" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_opt_outs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "member_notification_preferences" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "messages" TO frontdesk_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "notification_settings", "member_notification_preferences" TO frontdesk_app;--> statement-breakpoint
-- An opt-out is the patient's word: the app records and reads it, never takes it back.
GRANT SELECT, INSERT ON "notification_opt_outs" TO frontdesk_app;--> statement-breakpoint

-- Enqueues a job for the clinic in scope, in the caller's transaction (a rollback enqueues
-- nothing). The clinic comes from the scope, never from the caller: the payload gets it as
-- `clinicId` and the job key is prefixed with it, so one clinic can neither run work in another's
-- name nor replace or remove another's job. SECURITY DEFINER so that the app role needs no rights
-- on graphile_worker's tables. plpgsql, so that it is checked when called, not when created.
CREATE FUNCTION "enqueue_job"(task text, payload jsonb, run_at timestamptz DEFAULT NULL, job_key text DEFAULT NULL, max_attempts integer DEFAULT NULL)
  RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  clinic uuid := nullif(current_setting('app.clinic_id', true), '')::uuid;
BEGIN
  IF clinic IS NULL THEN
    RAISE EXCEPTION 'enqueue_job needs a clinic in scope' USING ERRCODE = '42501';
  END IF;
  IF task IS NULL OR task !~ '^[a-z][a-z0-9_.]{0,62}$' THEN
    RAISE EXCEPTION 'enqueue_job: invalid task name' USING ERRCODE = '22023';
  END IF;
  PERFORM graphile_worker.add_job(
    identifier => task,
    payload => (coalesce(payload, '{}'::jsonb) || jsonb_build_object('clinicId', clinic))::json,
    run_at => run_at,
    max_attempts => coalesce(max_attempts, 10),
    job_key => CASE WHEN job_key IS NULL THEN NULL ELSE clinic::text || ':' || job_key END
  );
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "enqueue_job"(text, jsonb, timestamptz, text, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "enqueue_job"(text, jsonb, timestamptz, text, integer) TO frontdesk_app;--> statement-breakpoint

-- Removes the clinic's pending job with this key (a reminder of a cancelled appointment). A job
-- already running keeps going; its handler re-checks the appointment before sending.
CREATE FUNCTION "dequeue_job"(job_key text)
  RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  clinic uuid := nullif(current_setting('app.clinic_id', true), '')::uuid;
BEGIN
  IF clinic IS NULL THEN
    RAISE EXCEPTION 'dequeue_job needs a clinic in scope' USING ERRCODE = '42501';
  END IF;
  PERFORM graphile_worker.remove_job(clinic::text || ':' || job_key);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "dequeue_job"(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "dequeue_job"(text) TO frontdesk_app;
