-- A patient's own list at a clinic (issue 20, ADR 0050). The patient pages run in the 'public'
-- scope, which never reads patient rows (migration 0012); these two functions are the only way a
-- signed-in patient reaches their own records, and they decide whose records those are from the
-- database alone: the account in scope (app.user_id, set by the server from the session), its
-- e-mail only once proved (users.email_verified_at: a sign-in code, a sign-up code or a reset
-- link), and the clinic in scope. Nothing a caller passes can point them at another address or
-- another clinic. Like booking_patient_id() they run as the owner, still under tenant_isolation
-- (FORCE row-level security), and check the clinic in scope themselves too.

-- Links the clinic's records with the account's proved address to the account. Archived and
-- erased records stay out; a record already linked to an account is left alone.
CREATE FUNCTION "link_account_patients"() RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  linked integer;
BEGIN
  UPDATE public.patients p SET user_id = u.id
    FROM public.users u
   WHERE u.id = nullif(pg_catalog.current_setting('app.user_id', true), '')::uuid
     AND u.email_verified_at IS NOT NULL
     AND p.clinic_id = nullif(pg_catalog.current_setting('app.clinic_id', true), '')::uuid
     AND p.email_key = pg_catalog.lower(u.email)
     AND p.user_id IS NULL AND p.archived_at IS NULL AND p.erased_at IS NULL;
  GET DIAGNOSTICS linked = ROW_COUNT;
  RETURN linked;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "link_account_patients"() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "link_account_patients"() TO frontdesk_app;--> statement-breakpoint

-- The account's records at the clinic in scope: linked to it, and still carrying its proved
-- address (staff correcting a record's e-mail takes it out of the list), newest first. Only what
-- "book again" fills in, never notes or date of birth.
CREATE FUNCTION "account_patients"() RETURNS TABLE ("id" uuid, "full_name" text, "email" text, "phone" text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT p.id, p.full_name, p.email, p.phone
    FROM public.patients p
    JOIN public.users u ON u.id = p.user_id
   WHERE u.id = nullif(pg_catalog.current_setting('app.user_id', true), '')::uuid
     AND u.email_verified_at IS NOT NULL
     AND p.clinic_id = nullif(pg_catalog.current_setting('app.clinic_id', true), '')::uuid
     AND p.email_key = pg_catalog.lower(u.email)
     AND p.archived_at IS NULL AND p.erased_at IS NULL
   ORDER BY p.created_at DESC, p.id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "account_patients"() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "account_patients"() TO frontdesk_app;
