CREATE TABLE "clinic_images" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"practitioner_id" uuid,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_images_pkey" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "clinic_images_purpose" CHECK (("clinic_images"."purpose" = 'logo' and "clinic_images"."practitioner_id" is null) or ("clinic_images"."purpose" = 'practitioner' and "clinic_images"."practitioner_id" is not null)),
	CONSTRAINT "clinic_images_content_type" CHECK ("clinic_images"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "clinic_images_size" CHECK ("clinic_images"."byte_size" = octet_length("clinic_images"."bytes") and "clinic_images"."byte_size" between 1 and 2097152),
	CONSTRAINT "clinic_images_dimensions" CHECK ("clinic_images"."width" between 1 and 4096 and "clinic_images"."height" between 1 and 4096),
	CONSTRAINT "clinic_images_sha256" CHECK ("clinic_images"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "clinic_images" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "accent_colour" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "bio" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "clinic_images" ADD CONSTRAINT "clinic_images_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_images" ADD CONSTRAINT "clinic_images_practitioner_fk" FOREIGN KEY ("clinic_id","practitioner_id") REFERENCES "public"."practitioners"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_images_one_logo" ON "clinic_images" USING btree ("clinic_id") WHERE "clinic_images"."purpose" = 'logo' and "clinic_images"."published";--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_images_one_photo" ON "clinic_images" USING btree ("clinic_id","practitioner_id") WHERE "clinic_images"."purpose" = 'practitioner' and "clinic_images"."published";--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_brand" CHECK ("clinics"."accent_colour" ~ '^#[0-9a-f]{6}$' and length("clinics"."description") <= 500);--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_bio_length" CHECK (length("practitioners"."bio") <= 1000);--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_description_length" CHECK (length("services"."description") <= 500);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "clinic_images" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
-- Brand images are tenant rows (ADR 0049): forced row-level security like every other one.
ALTER TABLE "clinic_images" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "clinic_images" TO frontdesk_app;--> statement-breakpoint
-- The booking page (app.role 'public') reads only what the clinic published, and never writes:
-- an upload still being chosen in settings, or a replaced photo, stays the clinic's own. Writes
-- need the roles that may change the clinic's brand, whatever the API would allow.
CREATE POLICY "clinic_images_published_to_public" ON "clinic_images" AS RESTRICTIVE FOR ALL TO "frontdesk_app"
  USING ((select nullif(current_setting('app.role', true), '')) is distinct from 'public' or "published")
  WITH CHECK ((select nullif(current_setting('app.role', true), '')) in ('owner', 'admin'));
