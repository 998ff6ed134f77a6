ALTER TABLE "appointments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
-- When an appointment was cancelled, for the reports' late cancellations (ADR 0053). A trigger
-- keeps it, so every cancel path (staff, manage link, series, undo, merge) is covered by one rule:
-- set when the status becomes cancelled (unless the writer gives the time), cleared otherwise.
CREATE FUNCTION appointments_keep_cancelled_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'cancelled' THEN
    NEW.cancelled_at := NULL;
  ELSIF TG_OP = 'INSERT' THEN
    NEW.cancelled_at := coalesce(NEW.cancelled_at, now());
  ELSIF OLD.status <> 'cancelled' AND NEW.cancelled_at IS NOT DISTINCT FROM OLD.cancelled_at THEN
    NEW.cancelled_at := now();
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER appointments_keep_cancelled_at BEFORE INSERT OR UPDATE OF status, cancelled_at ON appointments
  FOR EACH ROW EXECUTE FUNCTION appointments_keep_cancelled_at();--> statement-breakpoint
-- Appointments cancelled before this migration: the time of their last cancellation event (the
-- live feed's history), else their last change. Row-level security is forced for the owner too,
-- so the update runs once per clinic in that clinic's scope.
DO $$
DECLARE clinic record;
BEGIN
  FOR clinic IN SELECT id FROM clinics LOOP
    PERFORM set_config('app.clinic_id', clinic.id::text, true);
    UPDATE appointments SET cancelled_at = updated_at WHERE clinic_id = clinic.id AND status = 'cancelled';
    UPDATE appointments a SET cancelled_at = e.last_at
    FROM (SELECT appointment_id, max(at) AS last_at FROM appointment_events
          WHERE clinic_id = clinic.id AND kind = 'cancelled' GROUP BY appointment_id) e
    WHERE a.clinic_id = clinic.id AND a.id = e.appointment_id AND a.status = 'cancelled';
  END LOOP;
  PERFORM set_config('app.clinic_id', '', true);
END $$;
