// `pnpm --filter @frontdesk/server exec tsx bench/reports.bench.ts` (part of `pnpm bench`): the
// owners' dashboard (reports.dashboard, ADR 0053) over a year of a busy clinic, against a floor
// measured in the same run: counting that year's appointments through the same index, in the same
// kind of tenant transaction, which any report over the year has to do at least.
import { cpus, loadavg } from "node:os";
import { callerFor, createBookableClinic, createTestDeps, dashboardQuery, runDashboard, sessionFor } from "@frontdesk/api/testing";
import { createDb, withTenant } from "@frontdesk/db";
import { startTestServer } from "@frontdesk/db/testing/server";
import { sql } from "drizzle-orm";
import { flagOption, integerOption } from "./options";

const PRACTITIONERS = 12;
const PATIENTS = 8000;
const WARMUP = 5;
const RUNS = integerOption("BENCH_RUNS", 40);
/** BENCH_EXPLAIN=1 prints the dashboard statement's plan with its timings. */
const EXPLAIN = flagOption("BENCH_EXPLAIN");
const YEAR = { from: "2026-01-01", to: "2026-12-31" };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

async function main() {
  const database = await startTestServer();
  const { db, close } = createDb(database.urls.appUrl, { max: 4 });
  const admin = createDb(database.urls.adminUrl, { max: 1 });
  try {
    const clinic = await createBookableClinic(db, { practitioners: PRACTITIONERS, hours: { start: "08:00", end: "18:00" } });
    const scope = { clinicId: clinic.clinicId, userId: null, role: "owner" as const };
    const generated = performance.now();
    // Two years (the one before gives the new-patient check a past): Monday to Saturday, twenty
    // half-hour slots from 08:00 local, four in five taken; 5 % no-shows, 8 % cancelled (a third
    // of them late), 40 % online, booked up to 30 days ahead; and a week of time off each.
    await withTenant(db, scope, async (tx) => {
      await tx.execute(sql`
        insert into patients (clinic_id, full_name)
        select ${clinic.clinicId}, 'Patient ' || n from generate_series(1, ${PATIENTS}) n`);
      await tx.execute(sql`
        with people as (select array_agg(id) ids from patients where clinic_id = ${clinic.clinicId}),
        slots as (
          select p.id practitioner_id, (d::date + time '08:00' + s * interval '30 minutes') at time zone 'Europe/Paris' as starts_at, random() r, random() q
          from practitioners p, generate_series('2025-01-01'::date, '2026-12-31'::date, interval '1 day') d, generate_series(0, 19) s
          where p.clinic_id = ${clinic.clinicId} and extract(isodow from d) < 7
        )
        insert into appointments (clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to, status, source, created_at, cancelled_at)
        select ${clinic.clinicId}, practitioner_id, ${clinic.serviceId}, people.ids[1 + floor(q * ${PATIENTS})::int],
          starts_at, starts_at + interval '30 minutes', starts_at, starts_at + interval '30 minutes',
          (case when r < 0.05 then 'no_show' when r < 0.13 then 'cancelled' else 'completed' end)::appointment_status,
          (case when q < 0.4 then 'online' else 'staff' end)::appointment_source,
          starts_at - q * interval '30 days',
          case when r >= 0.05 and r < 0.13 then starts_at - (r - 0.05) * interval '100 hours' end
        from slots, people
        where r < 0.8`);
      await tx.execute(sql`
        insert into schedule_exceptions (clinic_id, practitioner_id, kind, starts_at, ends_at)
        select ${clinic.clinicId}, id, 'unavailable', '2026-08-03T00:00:00Z'::timestamptz + (row_number() over (order by id)) * interval '7 days', '2026-08-10T00:00:00Z'::timestamptz + (row_number() over (order by id)) * interval '7 days'
        from practitioners where clinic_id = ${clinic.clinicId}`);
    });
    await admin.db.execute(sql`vacuum analyze patients, appointments, patient_first_visits, schedule_exceptions, working_hours`);
    const generatedMs = performance.now() - generated;
    const [{ year } = { year: 0 }] = await withTenant(db, scope, (tx) =>
      tx.execute<{ year: number }>(sql`select count(*)::int as year from appointments where clinic_id = ${clinic.clinicId} and starts_at >= '2026-01-01' and starts_at < '2027-01-01'`),
    );

    if (EXPLAIN) {
      // The plan with its timings, for whoever changes the statement.
      const plan = await withTenant(db, scope, async (tx) => {
        await tx.execute(sql`set local work_mem = '64MB'`);
        return tx.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, buffers) ${dashboardQuery(clinic.clinicId, YEAR)}`);
      });
      process.stdout.write(`${plan.map((row) => row["QUERY PLAN"]).join("\n")}\n`);
    }
    const { deps } = createTestDeps(db);
    const owner = callerFor(deps, await sessionFor(deps, clinic.ownerUserId, clinic.clinicId)).caller;
    const operations = {
      floor: () =>
        withTenant(db, scope, (tx) =>
          tx.execute(sql`
            select count(*) from appointments
            where clinic_id = ${clinic.clinicId}
              and starts_at >= ${YEAR.from}::date::timestamp at time zone 'Europe/Paris'
              and starts_at < (${YEAR.to}::date + 1)::timestamp at time zone 'Europe/Paris'`),
        ),
      query: () => withTenant(db, scope, (tx) => runDashboard(tx, clinic.clinicId, YEAR)),
      procedure: () => owner.reports.dashboard(YEAR),
    };
    const samples: Record<keyof typeof operations, number[]> = { floor: [], query: [], procedure: [] };
    const names = Object.keys(operations) as Array<keyof typeof operations>;
    for (const name of names) for (let i = 0; i < WARMUP; i++) await operations[name]();
    // Round by round, rotating which goes first, so that a busy moment of the shared machine hits all.
    for (let i = 0; i < RUNS; i++) {
      for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
        const started = performance.now();
        await operations[name]();
        samples[name].push(performance.now() - started);
      }
    }
    const floor = median(samples.floor);
    const [load1, load5] = loadavg();
    const lines = [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, PostgreSQL (embedded, fsync off); ${new Date().toISOString().slice(0, 16)} UTC; load average ${load1!.toFixed(1)} / ${load5!.toFixed(1)}.`,
      `A clinic of ${PRACTITIONERS} practitioners and ${PATIENTS} patients, ${year} appointments in the year asked for (generated in ${(generatedMs / 1000).toFixed(1)} s, with the year before).`,
      "",
      "| what | median ms | p95 ms | ratio to the floor |",
      "|---|---:|---:|---:|",
      ...names.map((name) => `| ${{ floor: "floor: count the year's appointments", query: "the dashboard statement", procedure: "reports.dashboard (tRPC caller)" }[name]} | ${median(samples[name]).toFixed(1)} | ${p95(samples[name]).toFixed(1)} | ${(median(samples[name]) / floor).toFixed(2)} |`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await close();
    await admin.close();
    await database.stop();
  }
}

await main();
