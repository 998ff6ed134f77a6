// The job outbox (ADR 0055): a request enqueues a job as one plain row here, in its own
// transaction, and the worker moves the rows to the job queue (graphile-worker) in batches. A
// rolled-back change leaves no row; a committed one stays until a worker has moved it.
import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgPolicy, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, tenantPrimaryKey } from "./columns";
import { tenantIsolation } from "./policies";

export const jobOutbox = pgTable(
  "job_outbox",
  {
    // No foreign key to clinics: the row lives until the next drain, its clinic comes from the
    // scope (tenant_isolation's check), and a key check would lock the clinic row in every booking.
    clinicId: uuid("clinic_id").notNull(),
    /** Drain order: a later row with the same key replaces an earlier one, as in the queue. */
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    task: text("task").notNull(),
    /** JSON-able ids and flags, never patient data; the drain adds `clinicId`. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Not before this instant; null: as soon as it reaches the queue. */
    runAt: instant("run_at"),
    /** Within the clinic, at most one pending job per key; the drain prefixes it with the clinic. */
    jobKey: text("job_key"),
    maxAttempts: smallint("max_attempts").notNull().default(10),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("job_outbox", t),
    index("job_outbox_id_idx").on(t.id),
    check("job_outbox_task_name", sql`${t.task} ~ '^[a-z][a-z0-9_.]{0,62}$'`),
    check("job_outbox_max_attempts", sql`${t.maxAttempts} between 1 and 100`),
    tenantIsolation(),
    // The worker's drain runs as the owner (the queue's role, WORKER_DATABASE_URL) across clinics:
    // it reads and removes what it moves, and nothing else gets these policies.
    pgPolicy("job_outbox_drain_read", { as: "permissive", for: "select", to: "current_user", using: sql`true` }),
    pgPolicy("job_outbox_drain_delete", { as: "permissive", for: "delete", to: "current_user", using: sql`true` }),
  ],
);
