import { withIdentity, withTenant, type Transaction } from "@frontdesk/db";
import { clinics, memberships, users, type MembershipRole } from "@frontdesk/db/schema";
import { fieldErrorsOf, PERMISSIONS, type Access, type FieldErrors, type ProcedurePath } from "@frontdesk/domain";
import { initTRPC } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "./context";
import { withRaceRetry } from "./booking/race-retry";
import type { ClinicCipher } from "./encryption/vault";
import { DomainError, ForbiddenError, UnauthorizedError, describeForLog, reasonOf, toTRPCError } from "./errors";
import { RETRY_AFTER_SECONDS } from "./resilience/errors";

const INVALID_INPUT_MESSAGE = "Some fields need attention";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const invalid = error.cause instanceof z.ZodError ? error.cause : undefined;
    const fieldErrors: FieldErrors | undefined = invalid ? fieldErrorsOf(invalid) : undefined;
    const details = error.cause instanceof DomainError ? error.cause.details : undefined;
    // No stack traces on the wire, whatever the environment.
    const { stack: _stack, ...data } = shape.data;
    // zod's own message is its issues as JSON, and a body that fails to parse is described with
    // a quote of itself: neither is a message for a person. Domain errors say it in words.
    const message = invalid ? (invalid.issues.length === 1 ? invalid.issues[0]!.message : INVALID_INPUT_MESSAGE) : error.code === "PARSE_ERROR" ? "The request could not be read" : shape.message;
    return { ...shape, message, data: { ...data, reason: reasonOf(error), ...(fieldErrors ? { fieldErrors } : {}), ...(details ? { details } : {}) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Converts every failure to a typed tRPC error, and logs the unexpected ones without their message. */
function mapped(error: unknown, ctx: Context, path: string) {
  const converted = toTRPCError(error, ctx.requestId);
  if (converted.code === "SERVICE_UNAVAILABLE") ctx.responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  if (converted.code === "INTERNAL_SERVER_ERROR") {
    ctx.deps.logger.error({ requestId: ctx.requestId, procedure: path, error: describeForLog(error) }, "procedure failed");
  } else if (converted.cause instanceof DomainError && converted.cause.cause !== undefined) {
    // A database error the schemas should have stopped first (see errors.ts): worth a look.
    ctx.deps.logger.warn({ requestId: ctx.requestId, procedure: path, error: describeForLog(converted) }, "database refused a value");
  }
  return converted;
}

/** A subscription's events, with a failure inside the running stream mapped like a call's. */
async function* mappedStream<T>(events: AsyncIterable<T>, ctx: Context, path: string): AsyncGenerator<T, void, undefined> {
  try {
    yield* events;
  } catch (error) {
    throw mapped(error, ctx, path);
  }
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value;

const base = t.procedure.use(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) throw mapped(result.error, ctx, path);
  // A subscription's generator runs after this middleware has returned: wrap it, so that what it
  // throws gets the same mapping (otherwise tRPC serializes the raw error, SQL text included).
  if (type === "subscription" && isAsyncIterable(result.data)) return { ...result, data: mappedStream(result.data, ctx, path) };
  return result;
});

export const publicProcedure = base;

export const authedProcedure = base.use(({ ctx, next }) => {
  if (!ctx.session) throw new UnauthorizedError("Please sign in");
  return next({ ctx: { session: ctx.session } });
});

export interface StaffScope {
  tx: Transaction;
  clinicId: string;
  userId: string;
  role: MembershipRole;
  /** Encrypts and decrypts the clinic's clinical text in this transaction (ADR 0025). */
  cipher: ClinicCipher;
}

/**
 * For work inside the session's active clinic by a member with one of `roles`. The handler runs
 * inside `withTenant`; a failure rolls the whole transaction back.
 */
export function staffProcedure(...roles: readonly MembershipRole[]) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const { session, deps } = ctx;
    const clinicId = session.activeClinicId;
    if (!clinicId) throw new ForbiddenError("Choose a clinic first", "NO_ACTIVE_CLINIC");
    const [membership] = await withIdentity(deps.db, { userId: session.userId }, (tx) =>
      tx
        .select({ role: memberships.role, clinicRequiresMfa: clinics.requireMfa, userHasMfa: sql<boolean>`${users.totpKey} is not null` })
        .from(memberships)
        .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.userId, session.userId), eq(memberships.clinicId, clinicId))),
    );
    if (!membership) throw new ForbiddenError("You are not a member of this clinic", "NOT_A_MEMBER");
    // The clinic's policy (ADR 0017): its staff work only with a second factor on their account.
    if (membership.clinicRequiresMfa && !membership.userHasMfa) {
      throw new ForbiddenError("This clinic requires two-step verification: turn it on in your account", "MFA_REQUIRED");
    }
    if (!roles.includes(membership.role)) {
      throw new ForbiddenError("Your role does not allow this", "ROLE_NOT_ALLOWED");
    }
    const scope = { clinicId, userId: session.userId, role: membership.role };
    // A transaction that lost a race as a deadlock or serialization failure runs again, whole (ADR 0019).
    return withRaceRetry(() =>
      withTenant(deps.db, scope, async (tx) => {
        const result = await next({ ctx: { staff: { tx, ...scope, cipher: deps.vault.forClinic(tx, clinicId) } satisfies StaffScope } });
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
