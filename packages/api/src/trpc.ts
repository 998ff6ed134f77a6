import { withIdentity, withTenant, type Transaction } from "@frontdesk/db";
import { clinics, memberships, users, type MembershipRole } from "@frontdesk/db/schema";
import { PERMISSIONS, type Access, type ProcedurePath } from "@frontdesk/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "./context";
import { withRaceRetry } from "./booking/race-retry";
import { ConflictError, describeForLog, toTRPCError } from "./errors";
import { RETRY_AFTER_SECONDS } from "./resilience/errors";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const fieldErrors = error.cause instanceof z.ZodError ? z.flattenError(error.cause).fieldErrors : undefined;
    const details = error.cause instanceof ConflictError ? error.cause.details : undefined;
    // No stack traces on the wire, whatever the environment.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, data: { ...data, ...(fieldErrors ? { fieldErrors } : {}), ...(details ? { details } : {}) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Converts every failure to a typed tRPC error, and logs the unexpected ones without their message. */
const base = t.procedure.use(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const error = toTRPCError(result.error, ctx.requestId);
  if (error.code === "SERVICE_UNAVAILABLE") ctx.responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  if (error.code === "INTERNAL_SERVER_ERROR") {
    ctx.deps.logger.error({ requestId: ctx.requestId, procedure: path, error: describeForLog(result.error) }, "procedure failed");
  }
  throw error;
});

export const publicProcedure = base;

export const authedProcedure = base.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
  return next({ ctx: { session: ctx.session } });
});

export interface StaffScope {
  tx: Transaction;
  clinicId: string;
  userId: string;
  role: MembershipRole;
}

/**
 * For work inside the session's active clinic by a member with one of `roles`. The handler runs
 * inside `withTenant`; a failure rolls the whole transaction back.
 */
export function staffProcedure(...roles: readonly MembershipRole[]) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const { session, deps } = ctx;
    const clinicId = session.activeClinicId;
    if (!clinicId) throw new TRPCError({ code: "FORBIDDEN", message: "Choose a clinic first" });
    const [membership] = await withIdentity(deps.db, { userId: session.userId }, (tx) =>
      tx
        .select({ role: memberships.role, clinicRequiresMfa: clinics.requireMfa, userHasMfa: sql<boolean>`${users.totpKey} is not null` })
        .from(memberships)
        .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.userId, session.userId), eq(memberships.clinicId, clinicId))),
    );
    if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this clinic" });
    // The clinic's policy (ADR 0017): its staff work only with a second factor on their account.
    if (membership.clinicRequiresMfa && !membership.userHasMfa) {
      throw new TRPCError({ code: "FORBIDDEN", message: "This clinic requires two-step verification: turn it on in your account" });
    }
    if (!roles.includes(membership.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this" });
    }
    const scope = { clinicId, userId: session.userId, role: membership.role };
    // A transaction that lost a race as a deadlock or serialization failure runs again, whole (ADR 0019).
    return withRaceRetry(() =>
      withTenant(deps.db, scope, async (tx) => {
        const result = await next({ ctx: { staff: { tx, ...scope } satisfies StaffScope } });
        // next() reports failure instead of throwing: rethrow so the transaction rolls back.
        if (!result.ok) throw result.error;
        return result;
      }),
    );
  });
}

type BuilderFor<A> = A extends "anyone"
  ? typeof publicProcedure
  : A extends "signedIn"
    ? typeof authedProcedure
    : ReturnType<typeof staffProcedure>;

/** The procedure builder for `path`, as the permission table says. */
export function procedure<P extends ProcedurePath>(path: P): BuilderFor<(typeof PERMISSIONS)[P]> {
  const access: Access = PERMISSIONS[path];
  const builder = access === "anyone" ? publicProcedure : access === "signedIn" ? authedProcedure : staffProcedure(...access);
  return builder as BuilderFor<(typeof PERMISSIONS)[P]>;
}
