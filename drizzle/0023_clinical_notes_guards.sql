-- FORCE row-level security, grants and the append-only rule for clinical notes (migration 0017, ADR 0026).
ALTER TABLE "clinical_notes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- UPDATE and DELETE are for drafts (autosave, discard); the trigger below refuses them on signed notes.
GRANT SELECT, INSERT, UPDATE, DELETE ON "clinical_notes" TO frontdesk_app;--> statement-breakpoint
-- A signed note is final, whatever the application does: a correction is a new note that amends
-- it. The one change allowed is `pnpm keys reencrypt` moving the content to a new data key, which
-- leaves every other column as it is and announces itself with app.reencrypting in its transaction.
CREATE FUNCTION "clinical_notes_signed_are_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
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
CREATE TRIGGER "clinical_notes_signed_are_final" BEFORE UPDATE OR DELETE ON "clinical_notes"
  FOR EACH ROW EXECUTE FUNCTION "clinical_notes_signed_are_final"();--> statement-breakpoint
-- An amendment corrects a signed note of the same patient.
CREATE FUNCTION "clinical_notes_amend_signed_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amends_note_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM clinical_notes o
    WHERE o.clinic_id = NEW.clinic_id AND o.id = NEW.amends_note_id AND o.patient_id = NEW.patient_id AND o.signed_at IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'an amendment must correct a signed note of the same patient' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "clinical_notes_amend_signed_only" BEFORE INSERT ON "clinical_notes"
  FOR EACH ROW EXECUTE FUNCTION "clinical_notes_amend_signed_only"();
