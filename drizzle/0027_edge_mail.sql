-- Account mail queued for the job worker (ADR 0045): on the edge there is no mail transport, so a
-- sign-in code, password reset or invitation becomes a mail.send job that the Node worker sends.
-- Unlike enqueue_job it needs no clinic in scope (sign-in codes belong to no clinic). The payload
-- holds the rendered message until the worker has sent it; graphile-worker deletes a job once done.
CREATE FUNCTION "enqueue_mail"(message jsonb)
  RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF message IS NULL OR jsonb_typeof(message) <> 'object' OR coalesce(jsonb_typeof(message -> 'to'), '') <> 'string' THEN
    RAISE EXCEPTION 'enqueue_mail: a message with a recipient is needed' USING ERRCODE = '22023';
  END IF;
  PERFORM graphile_worker.add_job(identifier => 'mail.send', payload => jsonb_build_object('message', message)::json, max_attempts => 10);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "enqueue_mail"(jsonb) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "enqueue_mail"(jsonb) TO frontdesk_app;
