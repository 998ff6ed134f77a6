-- FORCE row-level security and grants for the waitlist (issue 17, ADR 0035). The public scope
-- writes an entry when a patient joins online and claims an offer through its link: neither table
-- holds contact data, so it gets the same rights as staff, and tenant_isolation still binds both.
ALTER TABLE "waitlist_entries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "waitlist_offers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "waitlist_entries" TO frontdesk_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "waitlist_offers" TO frontdesk_app;
--> statement-breakpoint
-- Existing phone numbers to E.164 (ADR 0036), read in their clinic's country as the app now
-- stores them (libphonenumber-js). SQL cannot carry libphonenumber's rules, so this covers the
-- shapes clinics type: "+33 6 12 34 56 78", "0033 6…", and a national number with its trunk
-- prefix ("06 12 34 56 78" in France) for the countries below. Anything else stays as typed and
-- is still found by its digits; the app rewrites it in E.164 the next time the record is saved.
-- The policies bind the owner too (FORCE): lifted for this one fill inside the migration's transaction.
ALTER TABLE "patients" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "patients" p SET "phone" = CASE
    WHEN n.cleaned ~ '^\+[1-9][0-9]{6,14}$' THEN n.cleaned
    WHEN n.cleaned ~ '^00[1-9][0-9]{6,14}$' THEN '+' || substr(n.cleaned, 3)
    WHEN n.trunk = '0' AND n.cleaned ~ '^0[1-9][0-9]{5,13}$' THEN '+' || n.calling_code || substr(n.cleaned, 2)
    WHEN n.calling_code = '1' AND n.cleaned ~ '^1[2-9][0-9]{9}$' THEN '+' || n.cleaned
    WHEN n.calling_code = '1' AND n.cleaned ~ '^[2-9][0-9]{9}$' THEN '+1' || n.cleaned
    WHEN n.trunk = '' AND n.calling_code <> '1' AND n.cleaned ~ '^[1-9][0-9]{5,13}$' THEN '+' || n.calling_code || n.cleaned
    ELSE p.phone
  END
FROM (
  SELECT q.clinic_id, q.id, regexp_replace(q.phone, '[[:space:]().-]', '', 'g') AS cleaned, coalesce(codes.calling_code, '') AS calling_code, codes.trunk
    FROM "patients" q
    JOIN "clinics" c ON c.id = q.clinic_id
    LEFT JOIN (VALUES
      ('FR', '33', '0'), ('BE', '32', '0'), ('CH', '41', '0'), ('DE', '49', '0'), ('AT', '43', '0'), ('NL', '31', '0'),
      ('GB', '44', '0'), ('IE', '353', '0'), ('SE', '46', '0'), ('FI', '358', '0'), ('LU', '352', ''), ('ES', '34', ''),
      ('PT', '351', ''), ('DK', '45', ''), ('NO', '47', ''), ('PL', '48', ''), ('MC', '377', ''), ('US', '1', ''), ('CA', '1', '')
    ) AS codes(country, calling_code, trunk) ON codes.country = c.country
   WHERE q.phone IS NOT NULL
) AS n
WHERE p.clinic_id = n.clinic_id AND p.id = n.id;--> statement-breakpoint
ALTER TABLE "patients" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Merging two patients (ADR 0036) moves the merged patient's signed clinical notes to the patient
-- kept: the one change a signed note accepts besides re-encryption, announced with
-- app.merging_patients in the merge's transaction, and only the patient changes. This replaces
-- the function of 0029, so it keeps erasure's DELETE (ADR 0038) as well.
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
  IF TG_OP = 'UPDATE'
    AND coalesce(current_setting('app.merging_patients', true), '') = 'on'
    AND (NEW.clinic_id, NEW.content, NEW.appointment_id, NEW.author_user_id, NEW.amends_note_id, NEW.signed_at, NEW.version, NEW.created_at, NEW.updated_at)
      IS NOT DISTINCT FROM (OLD.clinic_id, OLD.content, OLD.appointment_id, OLD.author_user_id, OLD.amends_note_id, OLD.signed_at, OLD.version, OLD.created_at, OLD.updated_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a signed clinical note cannot be changed or deleted: amend it' USING ERRCODE = '55000';
END $$;
