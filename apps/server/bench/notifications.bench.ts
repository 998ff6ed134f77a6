// `pnpm bench` (apps/server), the job queue and the message sender (ADR 0021, 0022):
//   1. what enqueueing costs a transaction: N tenant transactions that enqueue one job, against
//      N that do nothing but their settings (the floor);
//   2. what the worker spends per booking: planning its messages and sending its confirmation;
//   3. 10,000 reminders due in the same minute, all handed to a local SMTP server (smtp-server).
// CPU is the process's own (server) and PostgreSQL's backends' (from /proc), per unit of work.
import { readdir, readFile } from "node:fs/promises";
import { cpus } from "node:os";
import { systemClock } from "@frontdesk/api";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "@frontdesk/api/testing";
import { createSmtpMailer, emailChannel, runDueJobs, type WorkerDeps } from "@frontdesk/api/worker";
import { createDb, withTenant } from "@frontdesk/db";
import { startTestServer } from "@frontdesk/db/testing/server";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { integerOption } from "./options";

const REMINDERS = integerOption("BENCH_REMINDERS", 10_000);
const ENQUEUES = integerOption("BENCH_ENQUEUES", 2_000);
const BOOKINGS = integerOption("BENCH_BOOKINGS", 300);

async function stat(pid: string) {
  const fields = /^\d+ \(.*\) (.*)$/.exec((await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "")).trim())?.[1]?.split(" ");
  return fields ? { ppid: fields[1]!, seconds: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100 } : undefined;
}

/** CPU seconds of PostgreSQL: the postmaster and every backend alive now (ended ones count in the postmaster's children). */
async function postgresSeconds(postmaster: string): Promise<number> {
  let seconds = (await stat(postmaster))?.seconds ?? 0;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const s = await stat(entry);
    if (s?.ppid === postmaster) seconds += s.seconds;
  }
  return seconds;
}

const serverSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function measure(count: number, postmaster: string, work: () => Promise<void>) {
  const [s0, p0, t0] = [serverSeconds(), await postgresSeconds(postmaster), performance.now()];
  await work();
  const [s1, p1, t1] = [serverSeconds(), await postgresSeconds(postmaster), performance.now()];
  return { serverMs: ((s1 - s0) * 1000) / count, postgresMs: ((p1 - p0) * 1000) / count, wallMs: t1 - t0 };
}

async function main() {
  const database = await startTestServer();
  const { db, close } = createDb(database.urls.appUrl, { max: 12 });
  const su = postgres(database.urls.adminUrl, { max: 1, onnotice: () => undefined });
  // A backend's parent is the postmaster.
  const [backend] = await su<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const postmasterPid = (await stat(String(backend!.pid)))!.ppid;
  let received = 0;
  const smtpServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => smtpServer.listen(0, "127.0.0.1", resolve));
  const port = (smtpServer.server.address() as { port: number }).port;
  const smtp = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "bench@example.test" });
  const lines: string[] = [];
  try {
    const clinic = await createBookableClinic(db, { practitioners: 1 });
    const scope = { clinicId: clinic.clinicId, userId: null, role: "system" as const };

    // 1. Enqueue against the floor.
    const floor = await measure(ENQUEUES, postmasterPid, async () => {
      for (let i = 0; i < ENQUEUES; i++) await withTenant(db, scope, (tx) => tx.execute(sql`select 1`));
    });
    const enqueue = await measure(ENQUEUES, postmasterPid, async () => {
      for (let i = 0; i < ENQUEUES; i++) await withTenant(db, scope, (tx) => tx.execute(sql`select enqueue_job('bench.noop', ${JSON.stringify({ i })}::jsonb)`));
    });
    await su.unsafe(`delete from graphile_worker._private_jobs`);

    // 2. The worker per booking.
    const clock = systemClock;
    const { deps } = createTestDeps(db, { clock });
    const staff = callerFor(deps, await sessionFor(deps, clinic.receptionistUserId, clinic.clinicId)).caller;
    const booking = await measure(BOOKINGS, postmasterPid, async () => {
      for (let i = 0; i < BOOKINGS; i++) {
        await staff.appointments.create({
          practitionerId: clinic.practitionerIds[0]!,
          serviceId: clinic.serviceId,
          start: new Date(Date.UTC(2028, 0, 1) + i * 3_600_000).toISOString(),
          newPatient: { name: "Bench Patient", email: `bench-${i}@example.test`, phone: "+33612345678" },
        });
      }
    });
    const workerDeps: WorkerDeps = { db, clock, logger: deps.logger, publicUrl: deps.publicUrl, channels: { email: emailChannel(smtp) } };
    const run = () => runDueJobs({ connectionString: database.urls.adminUrl, deps: workerDeps, concurrency: 8 });
    const before = received;
    const worker = await measure(BOOKINGS, postmasterPid, run);
    const confirmations = received - before;

    // 3. 10,000 reminders due in the same minute: one appointment each (one practitioner each, as
    // many at once), the messages planned, then all made due at once.
    const from = "2029-06-01T09:00:00.000Z";
    const to = "2029-06-01T09:30:00.000Z";
    await withTenant(db, { ...scope, role: "owner" }, async (tx) => {
      await tx.execute(sql`insert into practitioners (clinic_id, display_name) select ${clinic.clinicId}, 'P' || g from generate_series(1, ${REMINDERS}) g`);
      await tx.execute(sql`insert into patients (clinic_id, full_name, email) select ${clinic.clinicId}, 'Patient ' || g, 'r' || g || '@example.test' from generate_series(1, ${REMINDERS}) g`);
      await tx.execute(sql`
        insert into appointments (clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to, status, source)
        select ${clinic.clinicId}::uuid, p.id, ${clinic.serviceId}::uuid, pt.id, ${from}::timestamptz, ${to}::timestamptz, ${from}::timestamptz, ${to}::timestamptz, 'booked', 'staff'
          from (select id, row_number() over (order by id) n from practitioners where clinic_id = ${clinic.clinicId} and display_name like 'P%') p
          join (select id, email, row_number() over (order by id) n from patients where clinic_id = ${clinic.clinicId} and full_name like 'Patient %') pt using (n)`);
      await tx.execute(sql`
        insert into messages (clinic_id, appointment_id, patient_id, kind, channel, recipient, idempotency_key, send_at, context)
        select a.clinic_id, a.id, a.patient_id, 'reminder', 'email', pt.email, 'bench:' || a.id, now(), jsonb_build_object('start', to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'minutesBefore', 1440)
          from appointments a join patients pt on pt.clinic_id = a.clinic_id and pt.id = a.patient_id
         where a.clinic_id = ${clinic.clinicId} and a.starts_at = ${from}::timestamptz`);
      await tx.execute(sql`select enqueue_job('message.send', jsonb_build_object('messageId', id), null, 'send:' || id, null) from messages where idempotency_key like 'bench:%'`);
    });
    const fanOutBefore = received;
    const fanOut = await measure(REMINDERS, postmasterPid, run);
    const handed = received - fanOutBefore;

    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : "n/a");
    lines.push(
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, PostgreSQL (embedded test server, fsync off); ${new Date().toISOString().slice(0, 10)}. Command: \`pnpm --filter @frontdesk/server exec tsx bench/notifications.bench.ts\`.`,
      "",
      "| what | per unit | server CPU | PostgreSQL CPU | against the floor |",
      "|---|---|---:|---:|---|",
      `| floor: a tenant transaction (settings + \`select 1\`), ${ENQUEUES}× | transaction | ${floor.serverMs.toFixed(3)} ms | ${floor.postgresMs.toFixed(3)} ms | 1× |`,
      `| the same transaction enqueueing one job (\`enqueue_job\`), ${ENQUEUES}× | transaction | ${enqueue.serverMs.toFixed(3)} ms | ${enqueue.postgresMs.toFixed(3)} ms | server ${ratio(enqueue.serverMs, floor.serverMs)}, PostgreSQL ${ratio(enqueue.postgresMs, floor.postgresMs)} |`,
      `| a staff booking (appointments.create, in process), ${BOOKINGS}× | booking | ${booking.serverMs.toFixed(2)} ms | ${booking.postgresMs.toFixed(2)} ms | server ${ratio(booking.serverMs, floor.serverMs)}, PostgreSQL ${ratio(booking.postgresMs, floor.postgresMs)} |`,
      `| the worker for each booking: plan (confirmation + 2 reminders) and send the confirmation over SMTP (${confirmations} sent) | booking | ${worker.serverMs.toFixed(2)} ms | ${worker.postgresMs.toFixed(2)} ms | ${ratio(worker.serverMs + worker.postgresMs, booking.serverMs + booking.postgresMs)} of the booking itself |`,
      `| ${REMINDERS} reminders due in the same minute, one worker (concurrency 8), to a local SMTP server | reminder | ${fanOut.serverMs.toFixed(2)} ms | ${fanOut.postgresMs.toFixed(2)} ms | all ${handed} handed over in ${(fanOut.wallMs / 1000).toFixed(1)} s (${((REMINDERS * 1000) / fanOut.wallMs).toFixed(0)}/s) |`,
    );
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    smtp.close();
    await new Promise<void>((resolve) => smtpServer.close(() => resolve()));
    await su.end();
    await close();
    await database.stop();
  }
}

await main();
