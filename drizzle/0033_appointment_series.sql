CREATE TABLE "appointment_series" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"first_date" date NOT NULL,
	"local_time" text NOT NULL,
	"every_weeks" smallint NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"occurrence_count" integer,
	"until_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_series_pkey" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "appointment_series_every_weeks" CHECK ("appointment_series"."every_weeks" between 1 and 12),
	CONSTRAINT "appointment_series_count_or_until" CHECK (("appointment_series"."occurrence_count" is null) <> ("appointment_series"."until_date" is null)),
	CONSTRAINT "appointment_series_count_range" CHECK ("appointment_series"."occurrence_count" is null or "appointment_series"."occurrence_count" between 1 and 52),
	CONSTRAINT "appointment_series_local_time" CHECK ("appointment_series"."local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
ALTER TABLE "appointment_series" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_service_fk" FOREIGN KEY ("clinic_id","service_id") REFERENCES "public"."services"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "public"."practitioners"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_fk" FOREIGN KEY ("clinic_id","series_id") REFERENCES "public"."appointment_series"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_series_idx" ON "appointments" USING btree ("clinic_id","series_id","starts_at") WHERE "appointments"."series_id" is not null;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "appointment_series" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
-- Series are tenant rows like appointments (ADR 0033): forced row-level security, and the app
-- role gets the same DML as on appointments (a patient merge moves series over, too).
ALTER TABLE "appointment_series" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "appointment_series" TO frontdesk_app;
