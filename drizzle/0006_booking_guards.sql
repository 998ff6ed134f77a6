-- FORCE row-level security, grants, and the change notification for the live calendar feed.
ALTER TABLE "appointment_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "rate_limits" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Appointment history is append-only for the app, like the audit log.
GRANT SELECT, INSERT ON "appointment_events" TO frontdesk_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limits" TO frontdesk_app;--> statement-breakpoint

-- Every server process listening on this channel hears about every change, at commit, whichever
-- process made it. The payload carries ids and kind only: listeners re-read what they may see.
CREATE FUNCTION "notify_appointment_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('appointment_events', json_build_object(
    'id', NEW.id, 'clinicId', NEW.clinic_id, 'appointmentId', NEW.appointment_id,
    'practitionerId', NEW.practitioner_id, 'kind', NEW.kind)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "appointment_events_notify" AFTER INSERT ON "appointment_events"
  FOR EACH ROW EXECUTE FUNCTION "notify_appointment_event"();
