-- The job outbox (ADR 0055): enqueue_job() now writes one plain row to job_outbox in the caller's
-- transaction, and the worker moves the rows to graphile-worker's queue in batches with
-- drain_job_outbox(). graphile-worker's add_job cost a booking ~10 ms inside PostgreSQL (task and
-- key upserts, a NOTIFY with a payload of its own, eight indexes); a row here is one insert.
ALTER TABLE "job_outbox" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The app role enqueues through enqueue_job() and may read its own clinic's waiting rows; it never
-- changes or removes one (only the drain, as the owner, removes what it has moved).
GRANT SELECT, INSERT ON "job_outbox" TO frontdesk_app;--> statement-breakpoint

-- Same contract as migration 0018 (the clinic from the scope, the task name checked, the key
-- and payload bound to that clinic when the row reaches the queue), one row instead of add_job.
-- The notification wakes the workers' drain; identical ones of one transaction are folded.
CREATE OR REPLACE FUNCTION "enqueue_job"(task text, payload jsonb, run_at timestamptz DEFAULT NULL, job_key text DEFAULT NULL, max_attempts integer DEFAULT NULL)
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
  INSERT INTO public.job_outbox (clinic_id, task, payload, run_at, job_key, max_attempts)
    VALUES (clinic, enqueue_job.task, coalesce(enqueue_job.payload, '{}'::jsonb), enqueue_job.run_at, enqueue_job.job_key, coalesce(enqueue_job.max_attempts, 10));
  PERFORM pg_notify('job_outbox', '');
END
$$;--> statement-breakpoint

-- A job may still wait in the outbox: removed there as well as from the queue.
CREATE OR REPLACE FUNCTION "dequeue_job"(job_key text)
  RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  clinic uuid := nullif(current_setting('app.clinic_id', true), '')::uuid;
BEGIN
  IF clinic IS NULL THEN
    RAISE EXCEPTION 'dequeue_job needs a clinic in scope' USING ERRCODE = '42501';
  END IF;
  DELETE FROM public.job_outbox o WHERE o.clinic_id = clinic AND o.job_key = dequeue_job.job_key;
  PERFORM graphile_worker.remove_job(clinic::text || ':' || dequeue_job.job_key);
END
$$;--> statement-breakpoint

-- Moves up to max_jobs of the oldest outbox rows to the queue in one transaction and says how many
-- it took: the rows are deleted and the jobs added together, so a crash or an error in between
-- leaves the rows for the next drain, and a committed drain has added every job it took. One
-- drain at a time (the advisory lock), oldest first, so a later row with the same key replaces an
-- earlier one in the queue as add_job did; within a batch only the latest row of a key is added.
-- (No FOR UPDATE: under row-level security it would need an UPDATE policy, and the lock already
-- keeps drains apart; a dequeue_job deleting the same row meanwhile only makes the drain wait.)
-- Not SECURITY DEFINER: the worker calls it as the owner (WORKER_DATABASE_URL), whom the
-- job_outbox_drain_* policies let see every clinic's rows. The app role may not call it.
CREATE FUNCTION "drain_job_outbox"(max_jobs integer DEFAULT 500)
  RETURNS integer LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  moved integer;
  specs graphile_worker.job_spec[];
BEGIN
  PERFORM pg_advisory_xact_lock(55);
  WITH batch AS (
    DELETE FROM public.job_outbox o
     WHERE (o.clinic_id, o.id) IN (SELECT b.clinic_id, b.id FROM public.job_outbox b ORDER BY b.id LIMIT max_jobs)
    RETURNING o.*
  ), ranked AS (
    SELECT b.*, (b.job_key IS NULL OR row_number() OVER (PARTITION BY b.clinic_id, b.job_key ORDER BY b.id DESC) = 1) AS latest
      FROM batch b
  )
  SELECT count(*)::integer,
         array_agg(ROW(r.task, (r.payload || jsonb_build_object('clinicId', r.clinic_id))::json, NULL::text, r.run_at, r.max_attempts,
                       CASE WHEN r.job_key IS NULL THEN NULL ELSE r.clinic_id::text || ':' || r.job_key END, NULL::smallint, NULL::text[])::graphile_worker.job_spec
                   ORDER BY r.id) FILTER (WHERE r.latest)
    INTO moved, specs
    FROM ranked r;
  IF specs IS NOT NULL THEN
    PERFORM graphile_worker.add_jobs(specs);
  END IF;
  RETURN moved;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "drain_job_outbox"(integer) FROM PUBLIC;--> statement-breakpoint

-- /metrics and /readyz?verbose: a job still in the outbox is waiting too (no worker draining shows
-- as a growing count and age).
CREATE OR REPLACE FUNCTION "job_queue_stats"()
  RETURNS TABLE (waiting bigint, running bigint, failed bigint, oldest_waiting_seconds double precision)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
    WITH queued AS (
      SELECT
        count(*) FILTER (WHERE j.locked_at IS NULL AND j.run_at <= now() AND j.attempts < j.max_attempts) AS waiting,
        count(*) FILTER (WHERE j.locked_at IS NOT NULL) AS running,
        count(*) FILTER (WHERE j.attempts >= j.max_attempts) AS failed,
        min(j.run_at) FILTER (WHERE j.locked_at IS NULL AND j.run_at <= now() AND j.attempts < j.max_attempts) AS oldest
      FROM graphile_worker._private_jobs j
    ), outbox AS (
      SELECT count(*) AS waiting, min(o.created_at) AS oldest FROM public.job_outbox o
    )
    SELECT q.waiting + o.waiting, q.running, q.failed,
           coalesce(extract(epoch FROM now() - least(q.oldest, o.oldest)), 0)::double precision
      FROM queued q, outbox o;
END
$$;
