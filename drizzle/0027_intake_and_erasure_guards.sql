-- FORCE row-level security, grants and the erasure paths for intake forms and the patient's data rights (ADR 0037, 0038).
ALTER TABLE "intake_form_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "intake_answers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Form versions are never changed: saving the form inserts the next version.
GRANT SELECT, INSERT ON "intake_form_versions" TO frontdesk_app;--> statement-breakpoint
-- Answers are appended (a newer set replaces an older one when read); DELETE is for erasure, and
-- UPDATE of the ciphertext alone is for `pnpm keys reencrypt` (ADR 0025): nothing else may change.
GRANT SELECT, INSERT, DELETE ON "intake_answers" TO frontdesk_app;--> statement-breakpoint
GRANT UPDATE ("answers") ON "intake_answers" TO frontdesk_app;--> statement-breakpoint
-- Erasure (ADR 0038) removes a patient's clinical notes once the legal retention period is over.
-- Signed notes stay final for everything else: only a DELETE in a transaction that announces
-- itself with app.erasing passes, as reencrypt's content-only UPDATE does with app.reencrypting.
CREATE OR REPLACE FUNCTION "clinical_notes_signed_are_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND coalesce(current_setting('app.erasing', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE'
    AND coalesce(current_setting('app.reencrypting', true), '') = 'on'
    AND (NEW.clinic_id, NEW.patient_id, NEW.appointment_id, NEW.author_user_id, NEW.amends_note_id, NEW.signed_at, NEW.version, NEW.created_at, NEW.updated_at)
      IS NOT DISTINCT FROM (OLD.clinic_id, OLD.patient_id, OLD.appointment_id, OLD.author_user_id, OLD.amends_note_id, OLD.signed_at, OLD.version, OLD.created_at, OLD.updated_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a signed clinical note cannot be changed or deleted: amend it' USING ERRCODE = '55000';
END $$;--> statement-breakpoint
-- The audit log is append-only for the app, but an erased patient's words must not survive in it:
-- patients.update records changed e-mails and phones as [old, new], a cancellation its reason.
-- This function (run as the owner) blanks those values in the audit rows about one patient of the
-- clinic in scope and about their appointments, keeping who did what and when, and runs only in a
-- transaction that announces an erasure; it can do nothing else to the log.
CREATE FUNCTION "redact_patient_audit"(patient uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  scope uuid := nullif(pg_catalog.current_setting('app.clinic_id', true), '')::uuid;
  changed integer;
  visits integer;
BEGIN
  IF scope IS NULL OR coalesce(pg_catalog.current_setting('app.erasing', true), '') <> 'on' THEN
    RAISE EXCEPTION 'redact_patient_audit runs only inside an erasure' USING ERRCODE = '42501';
  END IF;
  UPDATE public.audit_log a
     SET changes = (SELECT pg_catalog.jsonb_object_agg(key, '["(erased)", "(erased)"]'::jsonb) FROM pg_catalog.jsonb_object_keys(a.changes) AS key)
   WHERE a.clinic_id = scope AND a.entity = 'patient' AND a.entity_id = patient::text
     AND a.changes IS NOT NULL AND a.changes <> '{}'::jsonb;
  GET DIAGNOSTICS changed = ROW_COUNT;
  -- An appointment's audit rows keep their times and statuses (the statistics); only free text goes.
  UPDATE public.audit_log a
     SET changes = (SELECT pg_catalog.jsonb_object_agg(c.key, CASE WHEN c.key IN ('cancelReason', 'notes', 'reason') THEN '["(erased)", "(erased)"]'::jsonb ELSE c.value END)
                      FROM pg_catalog.jsonb_each(a.changes) AS c)
   WHERE a.clinic_id = scope AND a.entity = 'appointment'
     AND a.entity_id IN (SELECT ap.id::text FROM public.appointments ap WHERE ap.clinic_id = scope AND ap.patient_id = patient)
     AND a.changes ?| ARRAY['cancelReason', 'notes', 'reason'];
  GET DIAGNOSTICS visits = ROW_COUNT;
  RETURN changed + visits;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "redact_patient_audit"(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "redact_patient_audit"(uuid) TO frontdesk_app;
