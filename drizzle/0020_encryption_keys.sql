CREATE TABLE "clinic_data_keys" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"wrapped_key" text NOT NULL,
	"master_key_id" text NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_data_keys_pkey" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "clinic_data_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clinic_data_keys" ADD CONSTRAINT "clinic_data_keys_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_data_keys_one_active_idx" ON "clinic_data_keys" USING btree ("clinic_id") WHERE retired_at is null;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "clinic_data_keys" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));