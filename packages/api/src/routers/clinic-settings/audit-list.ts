import { auditListInput } from "@frontdesk/domain";
import { auditLog, users } from "@frontdesk/db/schema";
import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { procedure } from "../../trpc";

/**
 * The record's name at read time: a patient's or practitioner's name, a service's, the patient of an
 * appointment. Read in the caller's own transaction, so row-level security and the caller's grants
 * decide, and a record the caller may not read (or that is gone) stays nameless, never leaked.
 */
const entityName = sql<string | null>`case ${auditLog.entity}
  when 'patient' then (select p.full_name from patients p where p.clinic_id = ${auditLog.clinicId} and p.id::text = ${auditLog.entityId})
  when 'practitioner' then (select pr.display_name from practitioners pr where pr.clinic_id = ${auditLog.clinicId} and pr.id::text = ${auditLog.entityId})
  when 'service' then (select s.name from services s where s.clinic_id = ${auditLog.clinicId} and s.id::text = ${auditLog.entityId})
  when 'appointment' then (
    select p.full_name from appointments a join patients p on p.clinic_id = a.clinic_id and p.id = a.patient_id
    where a.clinic_id = ${auditLog.clinicId} and a.id::text = ${auditLog.entityId}
  )
  when 'working_hours' then (select pr.display_name from practitioners pr where pr.clinic_id = ${auditLog.clinicId} and pr.id::text = ${auditLog.entityId})
  when 'clinic' then (select c.name from clinics c where c.id = ${auditLog.clinicId} and c.id::text = ${auditLog.entityId})
  when 'membership' then (
    select u.name from memberships m join users u on u.id = m.user_id
    where m.clinic_id = ${auditLog.clinicId} and m.id::text = ${auditLog.entityId}
  )
  when 'account' then (
    select u.name from memberships m join users u on u.id = m.user_id
    where m.clinic_id = ${auditLog.clinicId} and u.id::text = ${auditLog.entityId}
  )
end`;

/** The patient an entry is about (their record, or their appointment), for the "this patient" filter. */
const patientOf = sql<string | null>`case ${auditLog.entity}
  when 'patient' then ${auditLog.entityId}
  when 'appointment' then (select a.patient_id::text from appointments a where a.clinic_id = ${auditLog.clinicId} and a.id::text = ${auditLog.entityId})
end`;

/** Newest first, filtered by entity, actor, patient and date; `nextCursor` fetches the next (older) page. */
export const listAudit = procedure("clinic.audit.list")
  .input(auditListInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const filters: SQL[] = [eq(auditLog.clinicId, clinicId)];
    if (input.entity) filters.push(eq(auditLog.entity, input.entity));
    if (input.entityId) filters.push(eq(auditLog.entityId, input.entityId));
    if (input.actorUserId) filters.push(eq(auditLog.actorUserId, input.actorUserId));
    if (input.patientId) {
      const about = or(
        and(eq(auditLog.entity, "patient"), eq(auditLog.entityId, input.patientId)),
        and(
          eq(auditLog.entity, "appointment"),
          sql`${auditLog.entityId} in (select a.id::text from appointments a where a.clinic_id = ${clinicId} and a.patient_id = ${input.patientId})`,
        ),
      );
      if (about) filters.push(about);
    }
    if (input.from) filters.push(gte(auditLog.at, new Date(input.from)));
    if (input.to) filters.push(lt(auditLog.at, new Date(input.to)));
    if (input.cursor) filters.push(lt(auditLog.id, input.cursor));
    const rows = await tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        actorKind: auditLog.actorKind,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        entityName,
        patientId: patientOf,
        changes: auditLog.changes,
        requestId: auditLog.requestId,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(...filters))
      .orderBy(desc(auditLog.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
      nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
    };
  });
