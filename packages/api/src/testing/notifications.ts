// A world for notification tests: its own database (so its job queue is its alone), a clinic
// with one practitioner, a receptionist's and the public's callers, a worker that runs the due
// jobs, and time travel that moves the injected clock and the queue's due times together.
import { createDb, withTenant } from "@frontdesk/db";
import { messages } from "@frontdesk/db/schema";
import { createFreshDatabase } from "@frontdesk/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { callerFor, createBookableClinic, createTestClock, createTestDeps, createTestMailer, sessionFor } from ".";
import { drainOutbox } from "../jobs/outbox";
import { runDueJobs } from "../jobs/worker";
import type { WorkerDeps } from "../jobs/task";
import { emailChannel } from "../notifications/email";

export async function createNotificationWorld(name: string, options: { timezone?: string; start?: Date } = {}) {
  const urls = await createFreshDatabase(name);
  const { db, close } = createDb(urls.appUrl, { max: 6 });
  const owner = createDb(urls.adminUrl, { max: 2 });
  // Close to real time, so that the queue (which compares with the database's clock) and the
  // injected clock agree; travel() moves both.
  const clock = createTestClock(options.start ?? new Date(Math.floor(Date.now() / 60_000) * 60_000));
  const mailer = createTestMailer();
  const { deps, logger } = createTestDeps(db, { clock, mailer });
  const clinic = await createBookableClinic(db, { practitioners: 1, ...(options.timezone ? { timezone: options.timezone } : {}) });
  const staff = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
  const anyone = () => callerFor(deps).caller;

  const workerDeps = (overrides: Partial<WorkerDeps> = {}): WorkerDeps => ({
    db,
    clock,
    logger,
    publicUrl: deps.publicUrl,
    channels: { email: emailChannel(mailer) },
    sending: { baseDelayMs: 1_000, maxDelayMs: 4_000, leaseMs: 2_000, maxAttempts: 4 },
    ...overrides,
  });
  const runJobs = (overrides: Partial<WorkerDeps> = {}) => runDueJobs({ connectionString: urls.adminUrl, deps: workerDeps(overrides) });

  /** Moves the clock on by `ms`, and every queued job's due time back by as much. */
  const travel = async (ms: number) => {
    clock.advance(ms);
    await drainOutbox(owner.db);
    await owner.db.execute(sql`update graphile_worker._private_jobs set run_at = run_at - make_interval(secs => ${ms / 1000})`);
  };

  const inClinic = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "system" }, work);
  const messagesOf = (appointmentId: string) =>
    inClinic((tx) => tx.select().from(messages).where(eq(messages.appointmentId, appointmentId)).orderBy(asc(messages.sendAt), asc(messages.createdAt)));
  /** The queue's jobs once the outbox has been drained into it, as a worker would. */
  const pendingJobs = async () => {
    await drainOutbox(owner.db);
    return owner.db.execute<{ task: string; runAt: Date; key: string | null; payload: Record<string, unknown> }>(
      sql`select t.identifier as task, j.run_at as "runAt", j.key, j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id order by j.run_at`,
    );
  };

  /** Books with the staff caller; a patient with an e-mail and a mobile number unless told otherwise. */
  const book = (start: string, patient: { email?: string; phone?: string } = {}, extra: { notify?: boolean } = {}) =>
    staff.appointments.create({
      practitionerId: clinic.practitionerIds[0]!,
      serviceId: clinic.serviceId,
      start,
      newPatient: { name: "Léa Martin", email: patient.email ?? `lea-${crypto.randomUUID().slice(0, 8)}@example.test`, ...(patient.phone ? { phone: patient.phone } : {}) },
      ...extra,
    });

  return {
    urls,
    db,
    deps,
    clock,
    mailer,
    logger,
    clinic,
    staff,
    anyone,
    workerDeps,
    runJobs,
    travel,
    inClinic,
    messagesOf,
    pendingJobs,
    book,
    close: async () => {
      await close();
      await owner.close();
    },
  };
}
