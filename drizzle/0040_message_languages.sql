ALTER TABLE "appointments" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_language" CHECK ("appointments"."language" ~ '^[a-z]{2}$');--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_language" CHECK ("waitlist_entries"."language" ~ '^[a-z]{2}$');