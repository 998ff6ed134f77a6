CREATE TYPE "public"."waitlist_entry_status" AS ENUM('waiting', 'booked', 'removed');--> statement-breakpoint
CREATE TYPE "public"."waitlist_offer_outcome" AS ENUM('pending', 'claimed', 'gone', 'expired');--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'waitlist_offer';--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'waitlist_gone';--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"practitioner_id" uuid,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"times_of_day" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "waitlist_entry_status" DEFAULT 'waiting' NOT NULL,
	"source" "appointment_source" NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entries_pkey" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "waitlist_entries_dates" CHECK ("waitlist_entries"."from_date" <= "waitlist_entries"."to_date"),
	CONSTRAINT "waitlist_entries_times_of_day" CHECK ("waitlist_entries"."times_of_day" <@ array['morning', 'afternoon', 'evening']::text[])
);
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"outcome" "waitlist_offer_outcome" DEFAULT 'pending' NOT NULL,
	"token_hash" text,
	"appointment_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_offers_pkey" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "waitlist_offers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "waitlist_offer_mode" text DEFAULT 'in_order' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "waitlist_offer_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_patient_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_service_fk" FOREIGN KEY ("clinic_id","service_id") REFERENCES "public"."services"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "public"."practitioners"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_appointment_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_fk" FOREIGN KEY ("clinic_id","entry_id") REFERENCES "public"."waitlist_entries"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "public"."practitioners"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_entries_matching_idx" ON "waitlist_entries" USING btree ("clinic_id","service_id","status","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_entries_patient_idx" ON "waitlist_entries" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_once_key" ON "waitlist_offers" USING btree ("clinic_id","entry_id","practitioner_id","starts_at");--> statement-breakpoint
CREATE INDEX "waitlist_offers_time_idx" ON "waitlist_offers" USING btree ("clinic_id","practitioner_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_token_key" ON "waitlist_offers" USING btree ("clinic_id","token_hash") WHERE "waitlist_offers"."token_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_claim_key" ON "waitlist_offers" USING btree ("clinic_id","practitioner_id","starts_at") WHERE "waitlist_offers"."outcome" = 'claimed';--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_merged_into_fk" FOREIGN KEY ("clinic_id","merged_into_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patients_clinic_phone_idx" ON "patients" USING btree ("clinic_id","phone") WHERE "patients"."phone" is not null;--> statement-breakpoint
CREATE INDEX "patients_clinic_birth_idx" ON "patients" USING btree ("clinic_id","date_of_birth","name_key") WHERE "patients"."date_of_birth" is not null;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_waitlist_policy" CHECK ("clinics"."waitlist_offer_mode" in ('in_order', 'all_at_once') and "clinics"."waitlist_offer_minutes" between 5 and 2880);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "waitlist_entries" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "waitlist_offers" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));