CREATE TABLE "patient_first_visits" (
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	CONSTRAINT "patient_first_visits_pkey" PRIMARY KEY("clinic_id","patient_id")
);
--> statement-breakpoint
ALTER TABLE "patient_first_visits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "patient_first_visits" ADD CONSTRAINT "patient_first_visits_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_first_visits" ADD CONSTRAINT "patient_first_visits_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_first_visits" ADD CONSTRAINT "patient_first_visits_appointment_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_first_visits_clinic_starts_idx" ON "patient_first_visits" USING btree ("clinic_id","starts_at","appointment_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "patient_first_visits" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "patient_first_visits_hidden_from_public" ON "patient_first_visits" AS RESTRICTIVE FOR SELECT TO "frontdesk_app" USING ((select nullif(current_setting('app.role', true), '')) is distinct from 'public');--> statement-breakpoint
-- Each patient's first visit for the reports' new patients (ADR 0064): the first appointment that
-- is not cancelled (no-shows and bookings still ahead count, as the report always counted them),
-- the earliest start, the lower id on a tie. Only the database writes it: the app role may read it.
ALTER TABLE "patient_first_visits" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT ON "patient_first_visits" TO frontdesk_app;--> statement-breakpoint
-- The one rule: puts in each patient of `touched` (of `clinic`) their first visit, or removes the
-- row of a patient who has none. Runs as the owner (called by the trigger below and by this
-- migration, never by the app: no grant), so under the forced tenant_isolation of every table
-- it reads and writes only the clinic in scope. That is `clinic` for every writer bound by
-- row-level security (it could not have written another clinic's appointments); a writer that
-- bypasses it (a superuser's loader or script) may have no scope or another one, so the clinic
-- of the rows is put in scope for this work and the writer's scope given back after.
-- Concurrent writers of one patient's appointments take turns on the patient's row (locked in id
-- order): each then reads the others' committed appointments (READ COMMITTED: every statement
-- here takes a new snapshot), so the last one to finish leaves the right first visit.
CREATE FUNCTION "patient_first_visits_refresh"(clinic uuid, touched uuid[]) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  scope text := nullif(pg_catalog.current_setting('app.clinic_id', true), '');
BEGIN
  IF scope IS DISTINCT FROM clinic::text THEN
    PERFORM pg_catalog.set_config('app.clinic_id', clinic::text, true);
  END IF;
  PERFORM 1 FROM public.patients p
    WHERE p.clinic_id = clinic AND p.id = ANY (touched)
    ORDER BY p.id
    FOR NO KEY UPDATE OF p;
  DELETE FROM public.patient_first_visits f
    WHERE f.clinic_id = clinic AND f.patient_id = ANY (touched)
      AND NOT EXISTS (SELECT 1 FROM public.appointments a
                       WHERE a.clinic_id = clinic AND a.patient_id = f.patient_id AND a.status <> 'cancelled');
  INSERT INTO public.patient_first_visits AS f (clinic_id, patient_id, appointment_id, starts_at)
    SELECT clinic, t.patient_id, v.id, v.starts_at
      FROM unnest(touched) AS t(patient_id)
      CROSS JOIN LATERAL (
        SELECT a.id, a.starts_at FROM public.appointments a
         WHERE a.clinic_id = clinic AND a.patient_id = t.patient_id AND a.status <> 'cancelled'
         ORDER BY a.starts_at, a.id
         LIMIT 1
      ) v
    ON CONFLICT (clinic_id, patient_id) DO UPDATE
      SET appointment_id = excluded.appointment_id, starts_at = excluded.starts_at
      WHERE (f.appointment_id, f.starts_at) IS DISTINCT FROM (excluded.appointment_id, excluded.starts_at);
  IF scope IS DISTINCT FROM clinic::text THEN
    PERFORM pg_catalog.set_config('app.clinic_id', coalesce(scope, ''), true);
  END IF;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "patient_first_visits_refresh"(uuid, uuid[]) FROM PUBLIC;--> statement-breakpoint
-- Which patients a statement on appointments touched: those of the rows it inserted or deleted,
-- and of the rows it updated in a way that can change a first visit (another patient, another
-- start, into or out of cancelled). One call per statement, with its transition tables, so a
-- bulk write (a series, a merge, a loader) refreshes each patient once. A security definer: the
-- public booking scope never reads or writes patient rows itself (migration 0012); the clinic is
-- each row's own, never an argument. Fired by the triggers only (trigger functions cannot be
-- called), so nobody is granted EXECUTE.
CREATE FUNCTION "appointments_keep_first_visits"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  clinic uuid;
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR clinic, touched IN
      SELECT n.clinic_id, array_agg(DISTINCT n.patient_id) FROM new_rows n GROUP BY n.clinic_id ORDER BY n.clinic_id
    LOOP
      PERFORM public.patient_first_visits_refresh(clinic, touched);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR clinic, touched IN
      SELECT o.clinic_id, array_agg(DISTINCT o.patient_id) FROM old_rows o GROUP BY o.clinic_id ORDER BY o.clinic_id
    LOOP
      PERFORM public.patient_first_visits_refresh(clinic, touched);
    END LOOP;
  ELSE
    FOR clinic, touched IN
      SELECT c.clinic_id, array_agg(DISTINCT c.patient_id)
        FROM old_rows o
        JOIN new_rows n ON n.clinic_id = o.clinic_id AND n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.clinic_id, o.patient_id), (n.clinic_id, n.patient_id)) AS c(clinic_id, patient_id)
       WHERE n.patient_id <> o.patient_id OR n.starts_at <> o.starts_at
          OR (n.status = 'cancelled') <> (o.status = 'cancelled')
       GROUP BY c.clinic_id ORDER BY c.clinic_id
    LOOP
      PERFORM public.patient_first_visits_refresh(clinic, touched);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "appointments_keep_first_visits"() FROM PUBLIC;--> statement-breakpoint
-- Statement triggers with transition tables take one event each (PostgreSQL's rule), and no
-- column list, so the update one fires for every update and the function picks the rows that matter.
CREATE TRIGGER "appointments_first_visits_insert" AFTER INSERT ON "appointments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "appointments_keep_first_visits"();--> statement-breakpoint
CREATE TRIGGER "appointments_first_visits_update" AFTER UPDATE ON "appointments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "appointments_keep_first_visits"();--> statement-breakpoint
CREATE TRIGGER "appointments_first_visits_delete" AFTER DELETE ON "appointments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "appointments_keep_first_visits"();--> statement-breakpoint
-- Every clinic's patients as they are now. The triggers exist already in this transaction, so
-- writes to appointments wait for it to commit and none is missed.
DO $$
DECLARE clinic record;
BEGIN
  FOR clinic IN SELECT id FROM clinics ORDER BY id LOOP
    PERFORM set_config('app.clinic_id', clinic.id::text, true);
    PERFORM patient_first_visits_refresh(clinic.id, ARRAY(SELECT p.id FROM patients p WHERE p.clinic_id = clinic.id));
  END LOOP;
  PERFORM set_config('app.clinic_id', '', true);
END $$;
