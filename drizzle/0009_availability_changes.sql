-- Tells every server process when anything a clinic's free times depend on has changed, so that
-- cached answers are dropped at commit instead of waiting for their expiry. The payload is
-- "<table>:<clinic id>" (each cache decides which tables matter to it); Postgres folds identical
-- notifications within a transaction into one, so a week of hours rewritten at once is one message.
CREATE FUNCTION "notify_availability_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clinic uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    clinic := OLD.clinic_id;
  ELSE
    clinic := NEW.clinic_id;
  END IF;
  PERFORM pg_notify('availability_changes', TG_TABLE_NAME || ':' || clinic::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The clinics table keys on "id": its booking policy (notice, horizon, step) shapes the times too.
CREATE FUNCTION "notify_clinic_availability_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('availability_changes', 'clinics:' || (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "appointments_availability" AFTER INSERT OR UPDATE OR DELETE ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION "notify_availability_change"();--> statement-breakpoint
CREATE TRIGGER "working_hours_availability" AFTER INSERT OR UPDATE OR DELETE ON "working_hours"
  FOR EACH ROW EXECUTE FUNCTION "notify_availability_change"();--> statement-breakpoint
CREATE TRIGGER "schedule_exceptions_availability" AFTER INSERT OR UPDATE OR DELETE ON "schedule_exceptions"
  FOR EACH ROW EXECUTE FUNCTION "notify_availability_change"();--> statement-breakpoint
CREATE TRIGGER "services_availability" AFTER INSERT OR UPDATE OR DELETE ON "services"
  FOR EACH ROW EXECUTE FUNCTION "notify_availability_change"();--> statement-breakpoint
CREATE TRIGGER "practitioners_availability" AFTER INSERT OR UPDATE OR DELETE ON "practitioners"
  FOR EACH ROW EXECUTE FUNCTION "notify_availability_change"();--> statement-breakpoint
CREATE TRIGGER "practitioner_services_availability" AFTER INSERT OR UPDATE OR DELETE ON "practitioner_services"
  FOR EACH ROW EXECUTE FUNCTION "notify_availability_change"();--> statement-breakpoint
CREATE TRIGGER "clinics_availability" AFTER UPDATE OR DELETE ON "clinics"
  FOR EACH ROW EXECUTE FUNCTION "notify_clinic_availability_change"();
