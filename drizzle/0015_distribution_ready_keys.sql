-- Distribution-ready keys (issue 22, docs/scaling.md): every tenant table's primary key and unique
-- constraints include clinic_id, so that sharded by clinic (Citus) each shard enforces them alone.
-- The primary key becomes (clinic_id, id) and replaces the unique (clinic_id, id) it duplicated:
-- one index less on every table, and one less for every booking to write. The composite foreign
-- keys referenced that unique constraint; they are dropped and made again against the new key,
-- by name and without CASCADE so that a foreign key added elsewhere fails here loudly instead of
-- vanishing. (Making them again validates them: seconds per million rows, under lock.)
ALTER TABLE "practitioner_services" DROP CONSTRAINT "practitioner_services_practitioner_fk";--> statement-breakpoint
ALTER TABLE "practitioner_services" DROP CONSTRAINT "practitioner_services_service_fk";--> statement-breakpoint
ALTER TABLE "schedule_exceptions" DROP CONSTRAINT "schedule_exceptions_practitioner_fk";--> statement-breakpoint
ALTER TABLE "working_hours" DROP CONSTRAINT "working_hours_practitioner_fk";--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_patient_fk";--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_practitioner_fk";--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_service_fk";--> statement-breakpoint
ALTER TABLE "booking_tokens" DROP CONSTRAINT "booking_tokens_appointment_fk";--> statement-breakpoint
ALTER TABLE "appointment_events" DROP CONSTRAINT "appointment_events_appointment_fk";--> statement-breakpoint

ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";--> statement-breakpoint
DROP INDEX "memberships_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "practitioners" DROP CONSTRAINT "practitioners_pkey";--> statement-breakpoint
ALTER TABLE "practitioners" DROP CONSTRAINT "practitioners_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "services" DROP CONSTRAINT "services_pkey";--> statement-breakpoint
ALTER TABLE "services" DROP CONSTRAINT "services_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "working_hours" DROP CONSTRAINT "working_hours_pkey";--> statement-breakpoint
ALTER TABLE "working_hours" DROP CONSTRAINT "working_hours_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "schedule_exceptions" DROP CONSTRAINT "schedule_exceptions_pkey";--> statement-breakpoint
ALTER TABLE "schedule_exceptions" DROP CONSTRAINT "schedule_exceptions_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "patients" DROP CONSTRAINT "patients_pkey";--> statement-breakpoint
ALTER TABLE "patients" DROP CONSTRAINT "patients_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_pkey";--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "booking_tokens" DROP CONSTRAINT "booking_tokens_pkey";--> statement-breakpoint
ALTER TABLE "booking_tokens" DROP CONSTRAINT "booking_tokens_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "booking_tokens" ADD CONSTRAINT "booking_tokens_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_pkey";--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_clinic_id_id_key";--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
-- The live feed's replay index (clinic_id, id) becomes the key itself.
ALTER TABLE "appointment_events" DROP CONSTRAINT "appointment_events_pkey";--> statement-breakpoint
DROP INDEX "appointment_events_clinic_id_idx";--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_pkey" PRIMARY KEY("clinic_id","id");--> statement-breakpoint

-- Manage links and invitations name their clinic (the token carries its id) and are looked up
-- within it: unique per clinic, which a shard can enforce; 128 random bits never repeat anyway.
ALTER TABLE "booking_tokens" DROP CONSTRAINT "booking_tokens_token_hash_key";--> statement-breakpoint
CREATE UNIQUE INDEX "booking_tokens_token_hash_key" ON "booking_tokens" USING btree ("clinic_id","token_hash");--> statement-breakpoint
DROP INDEX "invitations_token_hash_key";--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("clinic_id","token_hash");--> statement-breakpoint

ALTER TABLE "practitioner_services" ADD CONSTRAINT "practitioner_services_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "practitioners"("clinic_id","id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "practitioner_services" ADD CONSTRAINT "practitioner_services_service_fk" FOREIGN KEY ("clinic_id","service_id") REFERENCES "services"("clinic_id","id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "practitioners"("clinic_id","id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "practitioners"("clinic_id","id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "patients"("clinic_id","id");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "practitioners"("clinic_id","id");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_fk" FOREIGN KEY ("clinic_id","service_id") REFERENCES "services"("clinic_id","id");--> statement-breakpoint
ALTER TABLE "booking_tokens" ADD CONSTRAINT "booking_tokens_appointment_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "appointments"("clinic_id","id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_appointment_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "appointments"("clinic_id","id") ON DELETE cascade;
