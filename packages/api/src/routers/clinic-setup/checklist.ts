// The new clinic's way to a first online booking (ADR 0044): which steps are done and what still
// stops patients from booking, computed by one query in the tenant transaction, so row-level
// security scopes every count to the active clinic and nothing is kept that could go stale: a
// warning stays exactly as long as its cause.
import { sql } from "drizzle-orm";
import { procedure } from "../../trpc";

interface ChecklistRow extends Record<string, unknown> {
  slug: string;
  services: number;
  practitioners: number;
  practitioners_with_hours: number;
  bookable_online: number;
  online_bookings: number;
  without_hours: Array<{ id: string; name: string }>;
  unoffered: Array<{ id: string; name: string }>;
}

export type SetupStep = "services" | "practitioners" | "hours" | "share";
export type SetupWarning =
  | { kind: "practitioner_without_hours"; id: string; name: string }
  | { kind: "service_nobody_offers"; id: string; name: string }
  | { kind: "nothing_bookable_online" };

export const checklist = procedure("clinic.setup.checklist").query(async ({ ctx }) => {
  const { tx, clinicId } = ctx.staff;
  // Active practitioners with whether they work at all and whether they offer an active service;
  // active services with whether someone active offers them, and someone who also has hours.
  const rows = await tx.execute<ChecklistRow>(sql`
    with p as (
      select pr.id, pr.display_name,
        exists (select 1 from working_hours wh where wh.clinic_id = pr.clinic_id and wh.practitioner_id = pr.id) as has_hours,
        exists (
          select 1 from practitioner_services ps
          join services sv on sv.clinic_id = ps.clinic_id and sv.id = ps.service_id and sv.active
          where ps.clinic_id = pr.clinic_id and ps.practitioner_id = pr.id
        ) as offers
      from practitioners pr
      where pr.clinic_id = ${clinicId} and pr.active
    ),
    s as (
      select sv.id, sv.name, sv.bookable_online,
        exists (select 1 from practitioner_services ps join p on p.id = ps.practitioner_id where ps.clinic_id = sv.clinic_id and ps.service_id = sv.id) as offered,
        exists (select 1 from practitioner_services ps join p on p.id = ps.practitioner_id and p.has_hours where ps.clinic_id = sv.clinic_id and ps.service_id = sv.id) as staffed
      from services sv
      where sv.clinic_id = ${clinicId} and sv.active
    )
    select
      c.slug,
      (select count(*) from s)::int as services,
      (select count(*) from p)::int as practitioners,
      (select count(*) from p where has_hours)::int as practitioners_with_hours,
      (select count(*) from s where bookable_online and staffed)::int as bookable_online,
      (select count(*) from (select 1 from appointments a where a.clinic_id = ${clinicId} and a.source = 'online' limit 1) first)::int as online_bookings,
      coalesce((select json_agg(json_build_object('id', id, 'name', display_name) order by display_name, id) from p where offers and not has_hours), '[]'::json) as without_hours,
      coalesce((select json_agg(json_build_object('id', id, 'name', name) order by name, id) from s where not offered), '[]'::json) as unoffered
    from clinics c
    where c.id = ${clinicId}
  `);
  const row = rows[0]!;
  const done: Record<SetupStep, boolean> = {
    services: row.services > 0,
    practitioners: row.practitioners > 0,
    hours: row.practitioners_with_hours > 0,
    share: row.online_bookings > 0,
  };
  const warnings: SetupWarning[] = [
    ...row.without_hours.map((p) => ({ kind: "practitioner_without_hours" as const, ...p })),
    ...row.unoffered.map((s) => ({ kind: "service_nobody_offers" as const, ...s })),
    ...(row.bookable_online === 0 ? [{ kind: "nothing_bookable_online" as const }] : []),
  ];
  const steps = (["services", "practitioners", "hours", "share"] as const).map((step) => ({ step, done: done[step] }));
  return { slug: row.slug, steps, completed: steps.filter((s) => s.done).length, total: steps.length, warnings };
});
