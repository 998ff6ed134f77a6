CREATE TABLE "intake_answers" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"form_version_id" uuid NOT NULL,
	"answers" text NOT NULL,
	"answered_via" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_answers_pkey" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "intake_answers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "intake_form_versions" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_form_versions_pkey" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "intake_form_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "privacy_notice_url" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "privacy_notice_version" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "retention_years" integer;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "anonymise_inactive_after_years" integer;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "privacy_notice_version" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "privacy_consented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intake_answers" ADD CONSTRAINT "intake_answers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_answers" ADD CONSTRAINT "intake_answers_appointment_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_answers" ADD CONSTRAINT "intake_answers_form_version_fk" FOREIGN KEY ("clinic_id","form_version_id") REFERENCES "public"."intake_form_versions"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_form_versions" ADD CONSTRAINT "intake_form_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_form_versions" ADD CONSTRAINT "intake_form_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_form_versions" ADD CONSTRAINT "intake_form_versions_service_fk" FOREIGN KEY ("clinic_id","service_id") REFERENCES "public"."services"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_answers_appointment_idx" ON "intake_answers" USING btree ("clinic_id","appointment_id","answered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_form_versions_service_version_key" ON "intake_form_versions" USING btree ("clinic_id","service_id","version");--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_retention" CHECK (coalesce("clinics"."retention_years", 0) between 0 and 100 and ("clinics"."anonymise_inactive_after_years" is null or "clinics"."anonymise_inactive_after_years" between 1 and 100 and "clinics"."anonymise_inactive_after_years" >= coalesce("clinics"."retention_years", 0)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "intake_answers" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "intake_answers_clinicians_read" ON "intake_answers" AS RESTRICTIVE FOR SELECT TO "frontdesk_app" USING ((select nullif(current_setting('app.role', true), '')) in ('practitioner', 'owner', 'admin'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "intake_form_versions" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "intake_form_versions_staff_write" ON "intake_form_versions" AS RESTRICTIVE FOR INSERT TO "frontdesk_app" WITH CHECK ((select nullif(current_setting('app.role', true), '')) is distinct from 'public');