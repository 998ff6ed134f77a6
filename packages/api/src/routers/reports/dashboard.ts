// The owners' dashboard (ADR 0053): a period's figures per practitioner, per service and in total,
// from one SQL statement in the tenant transaction, so row-level security scopes every row read to
// the active clinic; the statement also names the clinic for the planner (DESIGN §4 rule 5).
import { reportsDashboardInput, reportsDashboardView, type ReportsDashboardInput } from "@frontdesk/domain";
import type { Transaction } from "@frontdesk/db";
import { sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../../errors";
import { procedure } from "../../trpc";

/** One row of the statement: a practitioner, a service, or the clinic's total. */
export interface DashboardRow extends Record<string, unknown> {
  kind: "practitioner" | "service" | "total";
  id: string | null;
  name: string | null;
  active: boolean | null;
  timezone: string;
  period_start: Date | string;
  period_end: Date | string;
  appointments: number;
  cancelled: number;
  late_cancellations: number;
  no_shows: number;
  outcomes: number;
  booked_minutes: number;
  online: number;
  lead_time_median_minutes: number | null;
  new_patients: number;
  working_minutes: number | null;
}

/**
 * The dashboard's statement for [from 00:00, to + 1 day 00:00) in the clinic's zone.
 *
 * - Appointments are read by `appointments_clinic_range_idx` (clinic, starts_at), bounded on both
 *   sides: the period's entries only, whatever the clinic's history.
 * - New patients: the patients whose first visit (`patient_first_visits`, kept by triggers on
 *   appointments, ADR 0064) starts in the period: a range of its (clinic, start) index, and each
 *   newcomer's appointment by key for its practitioner and service.
 * - Working time: each practitioner's weekly hours laid on every local day of the period, converted
 *   to instants in the clinic's zone (a DST day has 23 or 25 hours; a local time that does not
 *   exist moves forward and one that happens twice is the earlier, as the slot engine does), joined
 *   with extra hours and less time off as multiranges, so overlaps count once.
 * - Counts are summed per practitioner and service in one hashed pass over the period, then
 *   rolled up by practitioner, by service and in total (grouping sets over those few rows); each
 *   figure's median lead time sorts only its own rows, unnested from that pass (ADR 0060).
 */
export function dashboardQuery(clinicId: string, period: ReportsDashboardInput): SQL {
  // `local(ts)` in words: the earlier of PostgreSQL's reading (standard time when ambiguous) and
  // the reading of an hour before plus an hour (daylight time when ambiguous).
  const local = (ts: SQL) => sql`least((${ts}) at time zone c.tz, ((${ts}) - interval '1 hour') at time zone c.tz + interval '1 hour')`;
  const day = sql`d.day::timestamp`;
  return sql`
    with c as (
      select cl.timezone as tz, make_interval(mins => cl.cancellation_notice_minutes) as notice,
        ${period.from}::date::timestamp at time zone cl.timezone as period_start,
        (${period.to}::date + 1)::timestamp at time zone cl.timezone as period_end
      from clinics cl
      where cl.id = ${clinicId}
    ),
    -- One pass over the period's appointments, hashed by practitioner, service, status and
    -- source, so each row feeds four aggregates with one filter between them; the few rows it
    -- gives are then summed by practitioner, by service and in total (grouping sets). Each
    -- median sorts only its own lead times, unnested from that pass.
    pairs as (
      select a.practitioner_id, a.service_id, a.status, a.source,
        count(*) as appointments,
        count(*) filter (where a.cancelled_at >= a.starts_at - (select notice from c)) as late,
        sum(a.ends_at - a.starts_at) as booked,
        -- Lead times as timestamps (epoch + lead): they sort as plain integers, in the order of
        -- the minutes they stand for, and convert back to those minutes exactly.
        array_agg(timestamp 'epoch' + (a.starts_at - a.created_at)) as leads
      from appointments a
      where a.clinic_id = ${clinicId}
        and a.starts_at >= (select period_start from c)
        and a.starts_at < (select period_end from c)
      group by a.practitioner_id, a.service_id, a.status, a.source
    ),
    counted as (
      select
        case when grouping(p.practitioner_id) = 0 then 'practitioner' when grouping(p.service_id) = 0 then 'service' else 'total' end as kind,
        coalesce(p.practitioner_id, p.service_id) as id,
        grouping(p.practitioner_id) = 1 as every_practitioner, grouping(p.service_id) = 1 as every_service,
        coalesce(sum(p.appointments) filter (where p.status <> 'cancelled'), 0)::int as appointments,
        coalesce(sum(p.appointments) filter (where p.status = 'cancelled'), 0)::int as cancelled,
        coalesce(sum(p.late) filter (where p.status = 'cancelled'), 0)::int as late_cancellations,
        coalesce(sum(p.appointments) filter (where p.status = 'no_show'), 0)::int as no_shows,
        coalesce(sum(p.appointments) filter (where p.status in ('arrived', 'completed', 'no_show')), 0)::int as outcomes,
        -- Intervals add up exactly; the seconds are then float8 and rounded (to even) as before.
        coalesce(round(date_part('epoch', sum(p.booked) filter (where p.status <> 'cancelled')) / 60), 0)::int as booked_minutes,
        coalesce(sum(p.appointments) filter (where p.status <> 'cancelled' and p.source = 'online'), 0)::int as online
      from pairs p
      group by grouping sets ((p.practitioner_id), (p.service_id), ())
    ),
    -- Each figure's median is percentile_cont(0.5) of its lead times, taken as PostgreSQL does:
    -- the two middle values (the same one when the count is odd), found by one sort of that
    -- figure's own values, then first + (second - first) * 0.5 in float8. starts_at and
    -- created_at are NOT NULL, so a figure's appointments are exactly its number of lead times.
    middles as materialized (
      select k.*, (
        select percentile_disc(array[(k.low - 0.5) / nullif(k.appointments, 0), (k.high - 0.5) / nullif(k.appointments, 0)]) within group (order by l.lead)
        from (
          -- unnest in the select list streams the values; in FROM it would copy them to a tuplestore first.
          select unnest(p.leads) as lead
          from pairs p
          where p.status <> 'cancelled' and (k.every_practitioner or p.practitioner_id = k.id) and (k.every_service or p.service_id = k.id)
        ) l
      ) as middle
      from (select k.*, floor((k.appointments - 1) / 2.0) + 1 as low, ceil((k.appointments - 1) / 2.0) + 1 as high from counted k) k
    ),
    grouped as (
      select m.kind, m.id, m.appointments, m.cancelled, m.late_cancellations, m.no_shows, m.outcomes, m.booked_minutes, m.online,
        case when m.low = m.high then v.first else v.first + (v.second - v.first) * 0.5::float8 end as lead_time_median_minutes
      from middles m
      cross join lateral (
        select date_part('epoch', m.middle[1] - timestamp 'epoch') / 60 as first, date_part('epoch', m.middle[2] - timestamp 'epoch') / 60 as second
      ) v
    ),
    -- The period's newcomers: patients whose first visit (first kept appointment ever, the lower
    -- id on a tie; kept by the database, migration 0043) starts in it, one index range; their
    -- practitioner and service are that appointment's.
    firsts as (
      select a.practitioner_id, a.service_id
      from patient_first_visits f
      join appointments a on a.clinic_id = f.clinic_id and a.id = f.appointment_id
      where f.clinic_id = ${clinicId}
        and f.starts_at >= (select period_start from c)
        and f.starts_at < (select period_end from c)
    ),
    newcomers as (
      select
        case when grouping(f.practitioner_id) = 0 then 'practitioner' when grouping(f.service_id) = 0 then 'service' else 'total' end as kind,
        coalesce(f.practitioner_id, f.service_id) as id,
        count(*)::int as new_patients
      from firsts f
      group by grouping sets ((f.practitioner_id), (f.service_id), ())
    ),
    days as (
      select d::date as day from generate_series(${period.from}::date, ${period.to}::date, interval '1 day') d
    ),
    spans as (
      select wh.practitioner_id, ${local(sql`${day} + wh.start_time`)} as span_start, ${local(sql`${day} + wh.end_time`)} as span_end
      from working_hours wh
      join days d on extract(isodow from d.day) = wh.weekday
      cross join c
      where wh.clinic_id = ${clinicId}
      union all
      select e.practitioner_id, e.starts_at, e.ends_at
      from schedule_exceptions e
      where e.clinic_id = ${clinicId} and e.kind = 'available'
        and e.starts_at < (select period_end from c) and e.ends_at > (select period_start from c)
    ),
    time_off as (
      select e.practitioner_id, range_agg(tstzrange(e.starts_at, e.ends_at)) as off
      from schedule_exceptions e
      where e.clinic_id = ${clinicId} and e.kind = 'unavailable'
        and e.starts_at < (select period_end from c) and e.ends_at > (select period_start from c)
      group by e.practitioner_id
    ),
    hours as (
      select s.practitioner_id, range_agg(tstzrange(s.span_start, greatest(s.span_start, s.span_end))) as spans
      from spans s
      group by s.practitioner_id
    ),
    working as (
      select h.practitioner_id,
        (h.spans - coalesce(t.off, '{}'::tstzmultirange)) * tstzmultirange(tstzrange((select period_start from c), (select period_end from c))) as worked
      from hours h
      left join time_off t on t.practitioner_id = h.practitioner_id
    ),
    working_minutes as (
      select w.practitioner_id,
        coalesce(round((select sum(date_part('epoch', upper(r) - lower(r))) from unnest(w.worked) r) / 60), 0)::int as minutes
      from working w
      join practitioners p on p.clinic_id = ${clinicId} and p.id = w.practitioner_id and p.active
    ),
    rows as (
      select 'practitioner' as kind, p.id, p.display_name as name, p.active,
        g.appointments, g.cancelled, g.late_cancellations, g.no_shows, g.outcomes, g.booked_minutes, g.online, g.lead_time_median_minutes, n.new_patients,
        coalesce(wm.minutes, 0) as working_minutes
      from practitioners p
      left join grouped g on g.kind = 'practitioner' and g.id = p.id
      left join newcomers n on n.kind = 'practitioner' and n.id = p.id
      left join working_minutes wm on wm.practitioner_id = p.id
      where p.clinic_id = ${clinicId} and (p.active or g.id is not null)
      union all
      select 'service', s.id, s.name, s.active,
        g.appointments, g.cancelled, g.late_cancellations, g.no_shows, g.outcomes, g.booked_minutes, g.online, g.lead_time_median_minutes, n.new_patients,
        null
      from services s
      left join grouped g on g.kind = 'service' and g.id = s.id
      left join newcomers n on n.kind = 'service' and n.id = s.id
      where s.clinic_id = ${clinicId} and (s.active or g.id is not null)
      union all
      select 'total', null, null, null,
        g.appointments, g.cancelled, g.late_cancellations, g.no_shows, g.outcomes, g.booked_minutes, g.online, g.lead_time_median_minutes, n.new_patients,
        (select coalesce(sum(minutes), 0)::int from working_minutes)
      from (select 1) one
      left join grouped g on g.kind = 'total'
      left join newcomers n on n.kind = 'total'
    )
    select r.*, c.tz as timezone, c.period_start, c.period_end
    from rows r cross join c
    order by case r.kind when 'total' then 0 when 'practitioner' then 1 else 2 end, r.name, r.id
  `;
}

/**
 * Runs the dashboard's statement in `tx`. A year of a busy clinic is some 60,000 rows to hash and
 * 60,000 lead times to sort per figure's median: with PostgreSQL's default 4 MB work_mem those
 * spill to disk, so this transaction gets more.
 */
export async function runDashboard(tx: Transaction, clinicId: string, period: ReportsDashboardInput) {
  await tx.execute(sql`set local work_mem = '64MB'`);
  return tx.execute<DashboardRow>(dashboardQuery(clinicId, period));
}

const ratio = (part: number, whole: number | null) => (whole ? part / whole : null);

/** A row's figures as the API answers them (rates from the counts). */
export function figuresOf(row: DashboardRow) {
  const appointments = row.appointments ?? 0;
  const bookedMinutes = row.booked_minutes ?? 0;
  const noShows = row.no_shows ?? 0;
  const online = row.online ?? 0;
  return {
    appointments,
    cancelled: row.cancelled ?? 0,
    lateCancellations: row.late_cancellations ?? 0,
    noShows,
    noShowRate: ratio(noShows, row.outcomes ?? 0),
    bookedMinutes,
    workingMinutes: row.working_minutes,
    utilisation: ratio(bookedMinutes, row.working_minutes),
    online,
    onlineShare: ratio(online, appointments),
    leadTimeMedianMinutes: row.lead_time_median_minutes === null ? null : Math.round(Number(row.lead_time_median_minutes)),
    newPatients: row.new_patients ?? 0,
  };
}

const iso = (value: Date | string) => new Date(value).toISOString();

export const dashboard = procedure("reports.dashboard")
  .meta({ openapi: { method: "GET", path: "/reports/dashboard", tags: ["Reports"], protect: true, summary: "A period's figures per practitioner, per service and in total" } })
  .input(reportsDashboardInput)
  .output(reportsDashboardView)
  .query(async ({ ctx, input }) => {
    const rows = await runDashboard(ctx.staff.tx, ctx.staff.clinicId, input);
    const total = rows.find((row) => row.kind === "total");
    if (!total) throw new NotFoundError("Clinic");
    const named = (kind: "practitioner" | "service") =>
      rows.filter((row) => row.kind === kind).map((row) => ({ id: row.id!, name: row.name!, active: row.active!, ...figuresOf(row) }));
    return {
      period: { from: input.from, to: input.to, timezone: total.timezone, start: iso(total.period_start), end: iso(total.period_end) },
      totals: figuresOf(total),
      practitioners: named("practitioner"),
      services: named("service").map((service) => ({ ...service, workingMinutes: null, utilisation: null })),
    };
  });
