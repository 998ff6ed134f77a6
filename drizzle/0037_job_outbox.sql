CREATE TABLE "job_outbox" (
	"clinic_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "job_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"task" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone,
	"job_key" text,
	"max_attempts" smallint DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_outbox_pkey" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "job_outbox_task_name" CHECK ("job_outbox"."task" ~ '^[a-z][a-z0-9_.]{0,62}$'),
	CONSTRAINT "job_outbox_max_attempts" CHECK ("job_outbox"."max_attempts" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "job_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "job_outbox_id_idx" ON "job_outbox" USING btree ("id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "job_outbox" AS PERMISSIVE FOR ALL TO public USING ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) WITH CHECK ("clinic_id" = (select nullif(current_setting('app.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "job_outbox_drain_read" ON "job_outbox" AS PERMISSIVE FOR SELECT TO current_user USING (true);--> statement-breakpoint
CREATE POLICY "job_outbox_drain_delete" ON "job_outbox" AS PERMISSIVE FOR DELETE TO current_user USING (true);