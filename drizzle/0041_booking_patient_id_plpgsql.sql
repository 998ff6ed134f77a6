-- booking_patient_id() (migration 0012) was the costliest statement of a booking (~0.6-1.2 ms for
-- one indexed lookup, ADR 0067): a SECURITY DEFINER SQL function with a SET clause is never
-- inlined, and its body was planned again on every call. In plpgsql the lookup's plan is cached
-- for the connection's life. Same contract: the owner's rights, still under tenant_isolation
-- (FORCE row-level security), the clinic in scope checked by the function as well, an id and
-- nothing else.
CREATE OR REPLACE FUNCTION "booking_patient_id"(clinic uuid, email_key text) RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT p.id FROM public.patients p
           WHERE p.clinic_id = booking_patient_id.clinic
             AND p.clinic_id = nullif(pg_catalog.current_setting('app.clinic_id', true), '')::uuid
             AND p.email_key = booking_patient_id.email_key AND p.archived_at IS NULL
           ORDER BY p.created_at, p.id LIMIT 1);
END
$$;
