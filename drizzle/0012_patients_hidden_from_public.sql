-- Patients booking online (app.role 'public') add themselves but never read, change or remove a
-- patient: the restrictive policy below holds even if a query of the public pages forgets.
-- The booking still has to know whether the e-mail belongs to one of the clinic's patients, to
-- book for them rather than create a duplicate; booking_patient_id() answers that with an id and
-- nothing else. It runs as the owner, which this policy (TO frontdesk_app) does not restrict, but
-- tenant_isolation still does (FORCE row-level security): only the clinic in scope is searched.
-- The function checks the clinic in scope itself as well, so that it stays within it even if its
-- owner were ever a role that bypasses row-level security.
CREATE POLICY "patients_hidden_from_public" ON "patients" AS RESTRICTIVE FOR ALL TO "frontdesk_app" USING ((select nullif(current_setting('app.role', true), '')) is distinct from 'public') WITH CHECK (true);--> statement-breakpoint
CREATE FUNCTION "booking_patient_id"(clinic uuid, email_key text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  RETURN (SELECT p.id FROM public.patients p
           WHERE p.clinic_id = booking_patient_id.clinic
             AND p.clinic_id = nullif(pg_catalog.current_setting('app.clinic_id', true), '')::uuid
             AND p.email_key = booking_patient_id.email_key AND p.archived_at IS NULL
           ORDER BY p.created_at, p.id LIMIT 1);--> statement-breakpoint
REVOKE ALL ON FUNCTION "booking_patient_id"(uuid, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "booking_patient_id"(uuid, text) TO frontdesk_app;
