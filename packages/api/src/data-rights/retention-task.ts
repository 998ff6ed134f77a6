// The retention job (ADR 0038): once a day the worker's crontab runs retention.sweep, which queues
// one retention.anonymise per clinic that set "anonymise inactive patients after N years"; that job
// anonymises the clinic's patients with no appointment for N years, a batch at a time.
import { withTenant } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { DomainError } from "../errors";
import { enqueueJob } from "../jobs/queue";
import { defineTask, type WorkerDeps } from "../jobs/task";
import { erasePatient, inactivePatients } from "./erase";

export const RETENTION_SWEEP_TASK = "retention.sweep";
export const RETENTION_ANONYMISE_TASK = "retention.anonymise";
/**
 * Every day at 03:00 UTC, once across all workers (graphile-worker's cron keeps one run per tick).
 * An item, not a crontab line: the crontab syntax does not allow the dot in our task names.
 */
export const RETENTION_CRON = { task: RETENTION_SWEEP_TASK, match: "0 3 * * *", identifier: "retention-sweep" } as const;
const BATCH = 200;

/**
 * The job runs as the clinic's owner scope (like `pnpm keys`): only the clinicians' scopes may
 * see, and so delete, notes and intake answers. The audit log names the system as the actor.
 */
const asClinic = <T>(deps: WorkerDeps, clinicId: string, work: Parameters<typeof withTenant<T>>[2]) => withTenant(deps.db, { clinicId, userId: null, role: "owner" }, work);

export async function sweepClinics(deps: WorkerDeps): Promise<number> {
  const due = await deps.db.select({ id: clinics.id }).from(clinics).where(isNotNull(clinics.anonymiseInactiveAfterYears));
  // One pending job per clinic: a sweep while yesterday's job still runs does not queue a second.
  for (const clinic of due) await asClinic(deps, clinic.id, (tx) => enqueueJob(tx, { task: RETENTION_ANONYMISE_TASK, payload: {}, key: "retention" }));
  return due.length;
}

/** Anonymises up to a batch of the clinic's inactive patients; queues itself again when there may be more. */
export async function anonymiseInactive(deps: WorkerDeps, clinicId: string): Promise<{ erased: number; refused: number }> {
  const now = deps.clock.now();
  const [clinic] = await deps.db.select({ years: clinics.anonymiseInactiveAfterYears }).from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic?.years) return { erased: 0, refused: 0 };
  const years = clinic.years;
  const ids = await asClinic(deps, clinicId, (tx) => inactivePatients(tx, clinicId, now, years, BATCH));
  let erased = 0;
  let refused = 0;
  for (const patientId of ids) {
    // One transaction per patient: one that cannot be erased (a refusal) leaves the others be.
    try {
      await asClinic(deps, clinicId, (tx) => erasePatient(tx, { clinicId, patientId, now, actor: { userId: null, kind: "system" }, requestId: `job:${RETENTION_ANONYMISE_TASK}`, reason: "retention" }));
      erased += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused += 1;
    }
  }
  deps.logger.info({ component: "jobs", task: RETENTION_ANONYMISE_TASK, clinicId, erased, refused }, "retention run");
  if (ids.length === BATCH && erased > 0) await asClinic(deps, clinicId, (tx) => enqueueJob(tx, { task: RETENTION_ANONYMISE_TASK, payload: {}, key: "retention" }));
  return { erased, refused };
}

export const retentionSweepTask = defineTask({
  name: RETENTION_SWEEP_TASK,
  // The crontab's own payload ({ _cron: … }) is not needed.
  payload: z.object({}),
  run: async (_payload, deps) => void (await sweepClinics(deps)),
});

export const retentionAnonymiseTask = defineTask({
  name: RETENTION_ANONYMISE_TASK,
  payload: z.object({ clinicId: z.uuid() }),
  run: async (payload, deps) => void (await anonymiseInactive(deps, payload.clinicId)),
});
