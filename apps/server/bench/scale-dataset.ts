// The scale dataset of `pnpm bench:scale` (issue 22), generated set-based in SQL: clinics in a
// spread of time zones, 5 practitioners each with weekly hours and time off, patients, and
// appointments with their audit and history rows. Two layers, so that the same clinics can be
// measured empty and at scale in one run:
//   - `createClinics`: the clinics, their staff sign-ins, 50 patients each and the appointments of
//     the window the load reads (from a week before today to `windowDays` ahead): a clinic without
//     history, whose calendars and slot searches see the same appointments as at scale;
//   - `addHistory`: the years before and the rest of the months ahead, and every clinic's full
//     patient list.
// It writes as the superuser with triggers off (session_replication_role = replica): foreign key
// checks and the feed's notifications would cost more than the rows, and every row is made
// consistent by construction. Constraints (keys, the exclusion constraint) are built again over
// every row after the load, which checks them all (ADR 0056).
// The two cores are used by two connections ("lanes"): the months are inserted two at a time, and
// while the exclusion constraint is checked (one backend, the longest step) the other lane builds
// the history tables' indexes and vacuums them.
import type postgres from "postgres";

export interface ScaleOptions {
  clinics: number;
  /** Months of past appointments. */
  pastMonths: number;
  /** Months of appointments ahead. */
  futureMonths: number;
  /** Patients of the largest clinic (the first), and of every other one. */
  patientsLargest: number;
  patientsEach: number;
  now: Date;
  /** The password hash every bench receptionist signs in with. */
  passwordHash: string;
  /** Days ahead of today that the empty layer already holds (what the load reads: 31 days of slots). */
  windowDays: number;
}

/** Connections the loader works on at once: one per core of the bench machine. */
const LANES = 2;
const DAY = 86_400_000;

const ZONES = [
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Africa/Johannesburg",
  "Pacific/Auckland",
];
/** Minutes after 08:00 (local) at which appointments start: 10 a day, 50 minutes apart, lunch 12-13. */
const STARTS = [0, 50, 100, 150, 200, 300, 350, 400, 450, 500];
const FIRST = ["Léa", "Jean", "Zoë", "Élodie", "Marc", "Anaïs", "Noah", "Chloé", "Luis", "Mía", "Søren", "Amélie", "Omar", "Ines", "Hugo", "Björn", "Fatima", "José", "Yuki", "Ana"];
const LAST = ["Martin", "Dupré", "Müller", "García", "Núñez", "Bernard", "Smith", "Tanaka", "Kowalski", "Öztürk", "Rossi", "Dubois", "Nguyen", "Silva", "Johansson", "Petit", "Moreau", "Laurent", "Fernández", "Lefèvre"];

export const benchEmail = (slug: string) => `reception@${slug}.bench.test`;
export const scaleSlug = (n: number) => `scale-${String(n).padStart(4, "0")}`;

/** Runs `work` on `LANES` superuser connections to the app's database (`superUrl`), with triggers off. */
async function asLoader<T>(superUrl: string, connect: typeof postgres, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = connect(superUrl, {
    max: LANES,
    onnotice: () => undefined,
    // Index builds sort in memory (the machine has the room) and may use the other core.
    connection: { session_replication_role: "replica", TimeZone: "UTC", maintenance_work_mem: "1GB", max_parallel_maintenance_workers: 1 },
  });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

export function createClinics(superUrl: string, connect: typeof postgres, o: ScaleOptions, log: (step: string) => void) {
  return asLoader(superUrl, connect, async (sql) => {
    const created = new Date(o.now.getTime() - (o.pastMonths + 1) * 31 * 86_400_000);
    await sql`
      insert into clinics (slug, name, timezone, locale, min_notice_minutes, horizon_days, slot_step_minutes, created_at)
      select format('scale-%s', lpad(i::text, 4, '0')), format('Scale Clinic %s', i), (${ZONES}::text[])[1 + i % ${ZONES.length}],
             'en', 60, 120, 15, ${created}
        from generate_series(1, ${o.clinics}) i`;
    const scale = sql`(select id, timezone from clinics where slug like 'scale-%')`;
    await sql`
      insert into practitioners (clinic_id, display_name, colour, created_at)
      select c.id, format('Dr %s', (${LAST}::text[])[p * 3]), '#2563eb', ${created} from ${scale} c cross join generate_series(1, 5) p`;
    await sql`
      insert into services (clinic_id, name, duration_minutes, buffer_after_minutes, created_at)
      select c.id, s.name, s.minutes, s.buffer, ${created} from ${scale} c
       cross join (values ('Consultation', 30, 5), ('Follow-up', 20, 0), ('Long visit', 45, 5)) s(name, minutes, buffer)`;
    await sql`
      insert into practitioner_services (clinic_id, practitioner_id, service_id)
      select p.clinic_id, p.id, s.id from practitioners p join services s on s.clinic_id = p.clinic_id join ${scale} c on c.id = p.clinic_id`;
    await sql`
      insert into working_hours (clinic_id, practitioner_id, weekday, start_time, end_time)
      select p.clinic_id, p.id, d, h.s, h.e from practitioners p join ${scale} c on c.id = p.clinic_id
       cross join generate_series(1, 5) d cross join (values (time '08:00', time '12:00'), (time '13:00', time '18:00')) h(s, e)`;
    // Time off: the 15th of every month, all day (no appointments are generated on it).
    await sql`
      insert into schedule_exceptions (clinic_id, practitioner_id, kind, starts_at, ends_at, reason, created_at)
      select p.clinic_id, p.id, 'unavailable', (m::date + 14)::timestamp at time zone c.timezone, (m::date + 15)::timestamp at time zone c.timezone, 'Training', ${created}
        from practitioners p join ${scale} c on c.id = p.clinic_id
       cross join generate_series(date_trunc('month', ${o.now}::timestamptz) - make_interval(months => ${o.pastMonths}),
                                  date_trunc('month', ${o.now}::timestamptz) + make_interval(months => ${o.futureMonths}), interval '1 month') m`;
    await sql`
      insert into users (email, name, password_hash, email_verified_at)
      select format('reception@%s.bench.test', c.slug), format('Reception %s', c.slug), ${o.passwordHash}, ${o.now}
        from clinics c where c.slug like 'scale-%'`;
    await sql`
      insert into memberships (clinic_id, user_id, role)
      select c.id, u.id, 'receptionist' from clinics c join users u on u.email = format('reception@%s.bench.test', c.slug)
       where c.slug like 'scale-%'`;
    log(`${o.clinics} clinics, their practitioners, hours and receptionists`);
    await addPatients(sql, 50, 50, o);
    await numberPatients(sql);
    const today = startOfDay(o.now);
    const weeks: Array<[number, number]> = [];
    for (let from = today - 7 * DAY; from < today + o.windowDays * DAY; from += 7 * DAY) weeks.push([from, Math.min(from + 7 * DAY, today + o.windowDays * DAY)]);
    await withoutIndexes(sql, log, () => inLanes(weeks, ([from, to]) => addAppointments(sql, new Date(from), new Date(to), o, log)));
    await sql`drop table scale_patient_numbers, scale_patient_counts`;
  });
}

const startOfDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/** Runs `step`, then logs how long it took (the phase times of the run). */
async function timed<T>(log: (step: string) => void, label: string, step: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await step();
  log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs `work` for every item, `LANES` at a time, each lane taking the next item when free. */
async function inLanes<T>(items: T[], work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export function addHistory(superUrl: string, connect: typeof postgres, o: ScaleOptions, log: (step: string) => void) {
  return asLoader(superUrl, connect, async (sql) => {
    await timed(log, "patients", async () => {
      await inLanes([0, 1], (lane) => addPatients(sql, o.patientsLargest, o.patientsEach, o, lane));
      await numberPatients(sql);
    });
    const today = startOfDay(o.now);
    const start = Date.UTC(o.now.getUTCFullYear(), o.now.getUTCMonth() - o.pastMonths, 1);
    const end = Date.UTC(o.now.getUTCFullYear(), o.now.getUTCMonth() + o.futureMonths, o.now.getUTCDate());
    // A month at a time: progress to watch, transactions of a manageable size, and two at once.
    const months: Array<[number, number]> = [];
    for (let from = start; from < today - 7 * DAY; ) {
      const to = Math.min(Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth() + 1, 1), today - 7 * DAY);
      months.push([from, to]);
      from = to;
    }
    months.push([today + o.windowDays * DAY, end]);
    await withoutIndexes(sql, log, () => inLanes(months, ([from, to]) => addAppointments(sql, new Date(from), new Date(to), o, log)));
    await sql`drop table scale_patient_numbers, scale_patient_counts`;
  });
}

const HISTORY = ["appointments", "appointment_events", "audit_log"];

/**
 * Drops the indexes and constraints of the appointments, their history and the audit log (and
 * the foreign keys that reference them), runs `load`, and builds them again from their catalog
 * definitions: building an index once from sorted rows is several times faster than growing it
 * row by row. Rebuilding validates every constraint over the loaded rows; for the exclusion
 * constraint that is one GiST probe per appointment, on one backend (ADR 0056), so the other lane
 * meanwhile builds the history and audit tables' indexes and vacuums them.
 */
async function withoutIndexes(sql: postgres.Sql, log: (step: string) => void, load: () => Promise<void>) {
  const constraints = await sql<{ table: string; name: string; definition: string; contype: string }[]>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.contype::text as contype
      from pg_constraint c
     where c.contype in ('p', 'u', 'x', 'f') and (c.conrelid::regclass::text = any(${HISTORY}) or c.confrelid::regclass::text = any(${HISTORY}))
     order by case c.contype when 'f' then 1 else 0 end, c.conname`;
  const indexes = await sql<{ table: string; name: string; definition: string }[]>`
    select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
     where i.indrelid::regclass::text = any(${HISTORY}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`;
  for (const c of [...constraints].reverse()) await sql`alter table ${sql(c.table)} drop constraint ${sql(c.name)}`;
  for (const i of indexes) await sql`drop index ${sql(i.name)}`;
  for (const table of HISTORY) await sql`alter table ${sql(table)} set (autovacuum_enabled = false)`;
  await timed(log, "inserting", load);
  const build = async (table: string) => {
    for (const i of indexes.filter((i) => i.table === table)) await timed(log, `  ${i.name}`, () => sql.unsafe(i.definition));
    for (const c of constraints.filter((c) => c.table === table && c.contype !== "f")) {
      await timed(log, `  ${c.name}`, () => sql.unsafe(`alter table ${c.table} add constraint ${c.name} ${c.definition}`));
    }
  };
  await timed(log, `indexes and constraints (${indexes.length} and ${constraints.length})`, async () => {
    await Promise.all([
      build("appointments"),
      (async () => {
        await build("appointment_events");
        await build("audit_log");
        await timed(log, "  vacuum analyze patients, appointment_events, audit_log", () => sql`vacuum analyze patients, appointment_events, audit_log`);
      })(),
    ]);
    for (const c of constraints.filter((c) => c.contype === "f")) {
      await timed(log, `  ${c.name}`, () => sql.unsafe(`alter table ${c.table} add constraint ${c.name} ${c.definition}`));
    }
  });
  for (const table of HISTORY) await sql`alter table ${sql(table)} reset (autovacuum_enabled)`;
  await timed(log, "vacuum analyze", () => sql`vacuum analyze`);
}

/** Tops every scale clinic (of `lane`, when given) up to `largest` patients (the first clinic) or `each`, in random order across clinics. */
async function addPatients(sql: postgres.Sql, largest: number, each: number, o: ScaleOptions, lane?: number) {
  const past = (o.pastMonths + 1) * 31 * 86_400;
  await sql`
    insert into patients (clinic_id, full_name, email, phone, date_of_birth, created_at, updated_at)
    select c.id, f || ' ' || l, lower(translate(f || '.' || l, 'áàâäãåéèêëíìîïóòôöõúùûüñçøæœšýÿ ', 'aaaaaaeeeeiiiiooooouuuuncoaosyy')) || '.' || n || '@example.test',
           format('+33 6 %s %s %s %s', lpad((n % 97)::text, 2, '0'), lpad((n % 89)::text, 2, '0'), lpad((n * 7 % 83)::text, 2, '0'), lpad((n * 13 % 79)::text, 2, '0')),
           date '1940-01-01' + (n * 7919 % 27000)::int, at, at
      from (
        select c.id, c.slug, g as n, (${FIRST}::text[])[1 + (g * 31 + length(c.slug)) % ${FIRST.length}] as f,
               (${LAST}::text[])[1 + (g * 17 + g / 20) % ${LAST.length}] as l,
               ${o.now}::timestamptz - make_interval(secs => random() * ${past}) as at
          from clinics c
          cross join lateral generate_series(
            (select count(*) from patients p where p.clinic_id = c.id) + 1,
            case when c.slug = 'scale-0001' then ${largest}::bigint else ${each}::bigint end) g
         where c.slug like 'scale-%' and (${lane ?? null}::int is null or mod(substr(c.slug, 7)::int, ${LANES}) = ${lane ?? null}::int)
      ) c(id, slug, n, f, l, at)
     order by random()`;
}

/**
 * Numbers each scale clinic's patients from 0, so that an appointment can pick one at random by a
 * join. Unlogged tables rather than temporary ones: both lanes read them.
 */
async function numberPatients(sql: postgres.Sql) {
  await sql`drop table if exists scale_patient_numbers, scale_patient_counts`;
  await sql`
    create unlogged table scale_patient_numbers as
    select clinic_id, id, row_number() over (partition by clinic_id order by id) - 1 as n from patients
     where clinic_id in (select id from clinics where slug like 'scale-%')`;
  await sql`create index on scale_patient_numbers (clinic_id, n)`;
  await sql`create unlogged table scale_patient_counts as select clinic_id, count(*) as n from scale_patient_numbers group by clinic_id`;
  await sql`analyze scale_patient_numbers, scale_patient_counts`;
}

/** About 10 appointments per practitioner and working day in [from, to), with an audit row and a history event each. */
async function addAppointments(sql: postgres.Sql, from: Date, to: Date, o: ScaleOptions, log: (step: string) => void) {
  const [{ count } = { count: 0 }] = await sql<{ count: number }[]>`
    with slots as materialized (
      select p.clinic_id, p.id as practitioner_id, c.timezone, (day::date + time '08:00' + make_interval(mins => m)) at time zone c.timezone as starts_at,
             k, random() as r, random() as pr, (select array_agg(s.id order by s.name) from services s where s.clinic_id = p.clinic_id) as service_ids
        from practitioners p join clinics c on c.id = p.clinic_id
       cross join generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 day', interval '1 day') day
       cross join unnest(${STARTS}::int[]) with ordinality s(m, k)
       where c.slug like 'scale-%' and extract(isodow from day) < 6 and extract(day from day) <> 15
    ),
    chosen as (
      select sl.*, sv.id as service_id, sv.duration_minutes, sv.buffer_after_minutes, floor(sl.pr * ct.n)::bigint as patient_n,
             sl.starts_at < ${o.now}::timestamptz as past
        from slots sl join scale_patient_counts ct on ct.clinic_id = sl.clinic_id
        join services sv on sv.clinic_id = sl.clinic_id and sv.id = sl.service_ids[1 + (sl.k + extract(doy from sl.starts_at)::int) % 3]
       where sl.r < case when sl.starts_at < ${o.now}::timestamptz then 0.95 else 0.6 end
    ),
    booked as (
      insert into appointments (clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to, status, source, cancelled_at, created_at, updated_at)
      select ch.clinic_id, ch.practitioner_id, ch.service_id, nb.id, ch.starts_at, ch.starts_at + make_interval(mins => ch.duration_minutes), ch.starts_at,
             ch.starts_at + make_interval(mins => ch.duration_minutes + ch.buffer_after_minutes),
             (case when not ch.past then (case when ch.r < 0.3 then 'confirmed' else 'booked' end)
                   when ch.r < 0.05 then 'cancelled' when ch.r < 0.09 then 'no_show' else 'completed' end)::appointment_status,
             (case when ch.k % 2 = 0 then 'online' else 'staff' end)::appointment_source,
             -- What appointments_keep_cancelled_at (off while loading) keeps: the time of the cancellation event.
             case when ch.past and ch.r < 0.05 then ch.starts_at - interval '1 day' end,
             ch.starts_at - interval '9 days', ch.starts_at - interval '9 days'
        from chosen ch join scale_patient_numbers nb on nb.clinic_id = ch.clinic_id and nb.n = ch.patient_n
      returning clinic_id, id, practitioner_id, source, status, created_at, starts_at
    ),
    history as (
      insert into appointment_events (clinic_id, appointment_id, kind, practitioner_id, at)
      select clinic_id, id, 'created'::appointment_event_kind, practitioner_id, created_at from booked
      union all
      select clinic_id, id, 'cancelled'::appointment_event_kind, practitioner_id, starts_at - interval '1 day' from booked where status = 'cancelled'
    ),
    audited as (
      insert into audit_log (clinic_id, actor_kind, action, entity, entity_id, at)
      select clinic_id, case when source = 'online' then 'online_booking' else 'system' end, 'create', 'appointment', id::text, created_at from booked
    )
    select count(*)::int as count from booked`;
  log(`appointments ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)}: ${count}`);
}
