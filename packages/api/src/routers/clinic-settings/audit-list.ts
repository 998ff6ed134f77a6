import { auditListInput } from "@frontdesk/domain";
import { auditLog, users } from "@frontdesk/db/schema";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { procedure } from "../../trpc";

/** Newest first, filtered by entity, actor and date; `nextCursor` fetches the next (older) page. */
export const listAudit = procedure("clinic.audit.list")
  .input(auditListInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const filters: SQL[] = [eq(auditLog.clinicId, clinicId)];
    if (input.entity) filters.push(eq(auditLog.entity, input.entity));
    if (input.entityId) filters.push(eq(auditLog.entityId, input.entityId));
    if (input.actorUserId) filters.push(eq(auditLog.actorUserId, input.actorUserId));
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
