import { auditLog, users } from "@frontdesk/db/schema";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { instant } from "../../schemas";
import { procedure } from "../../trpc";
import { uuid } from "../../validation";
import { onlyWhenValid } from "../schedule/hours";
import { AUDIT_PAGE_MAX } from "./settings-view";

/** Newest first, filtered by entity, actor and date; `nextCursor` fetches the next (older) page. */
export const listAudit = procedure("clinic.audit.list")
  .input(
    z
      .object({
        entity: z.string().trim().min(1).max(64, "Entity is too long").optional(),
        entityId: z.string().trim().min(1).max(64, "Entity id is too long").optional(),
        actorUserId: uuid.optional(),
        from: instant.optional(),
        to: instant.optional(),
        cursor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
        limit: z.number().int().min(1).max(AUDIT_PAGE_MAX, `At most ${AUDIT_PAGE_MAX} per page`).default(50),
      })
      .refine((f) => !f.from || !f.to || f.to > f.from, { message: "The range must end after it starts", path: ["to"], when: onlyWhenValid }),
  )
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
