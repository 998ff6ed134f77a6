import { withIdentity, withTenant, type Transaction } from "@frontdesk/db";
import { clinics, memberships, users, type MembershipRole } from "@frontdesk/db/schema";
import { apiKeyScopesFor, fieldErrorsOf, PERMISSIONS, type Access, type FieldErrors, type ProcedurePath } from "@frontdesk/domain";
import { initTRPC, type TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { ApiKeyCaller, Context } from "./context";
import { withRaceRetry } from "./booking/race-retry";
import type { ClinicCipher } from "./encryption/vault";
import { DomainError, ForbiddenError, InvalidFieldsError, UnauthorizedError, describeForLog, reasonOf, toTRPCError } from "./errors";
import { apiKeyLimits } from "./rate-limit/api-key-limits";
import { enforceLimits } from "./rate-limit/rate-limit";
import { RETRY_AFTER_SECONDS } from "./resilience/errors";

const INVALID_INPUT_MESSAGE = "Some fields need attention";

// The meta is the REST route of a procedure (rest/, ADR 0027); procedures without one stay tRPC-only.
/** What a failed input parse says: the one problem, or that there are several (`fieldErrors` names them). */
export function invalidInputMessage(issues: ReadonlyArray<{ message: string }>): string {
  return issues.length === 1 ? issues[0]!.message : INVALID_INPUT_MESSAGE;
}

const t = initTRPC.context<Context>().meta<OpenApiMeta>().create({
  errorFormatter({ shape, error }) {
    const invalid = error.cause instanceof z.ZodError ? error.cause : undefined;
    const fieldErrors: FieldErrors | undefined = invalid ? fieldErrorsOf(invalid) : error.cause instanceof InvalidFieldsError ? error.cause.fieldErrors : undefined;
    const details = error.cause instanceof DomainError ? error.cause.details : undefined;
    // No stack traces on the wire, whatever the environment.
    const { stack: _stack, ...data } = shape.data;
    // zod's own message is its issues as JSON, and a body that fails to parse is described with
    // a quote of itself: neither is a message for a person. Domain errors say it in words.
    const message = invalid ? invalidInputMessage(invalid.issues) : error.code === "PARSE_ERROR" ? "The request could not be read" : shape.message;
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

const BOOKINGS: Record<string, "online" | "staff"> = { "public.book": "online", "appointments.create": "staff" };

/** Metrics of one call (ports.ts Metrics): the labels are router paths and error codes, never values. */
function observe(ctx: Context, path: string, failure: TRPCError | undefined, seconds: number) {
  const metrics = ctx.deps.metrics;
  if (!metrics) return;
  metrics.procedureCalled(path, failure ? failure.code : "ok", seconds);
  const source = BOOKINGS[path];
  if (source && !failure) metrics.bookingMade(source);
  const reason = failure ? reasonOf(failure) : undefined;
  if (reason === "SLOT_TAKEN" || reason === "SLOT_UNAVAILABLE") metrics.bookingConflict(path);
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value;

const base = t.procedure.use(async ({ ctx, next, path, type }) => {
  // An API key reaches only the procedures made for it (ADR 0028), whatever else they would allow.
  if (ctx.apiKey && apiKeyScopesFor(path) === null) throw mapped(new ForbiddenError("This needs a signed-in person: API keys cannot call it", "SESSION_ONLY"), ctx, path);
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) {
    const failure = mapped(result.error, ctx, path);
    observe(ctx, path, failure, seconds);
    throw failure;
  }
  observe(ctx, path, undefined, seconds);
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
  /** The signed-in member; null when an API key calls (then `apiKeyId` is set). */
  userId: string | null;
  role: MembershipRole;
  /** Encrypts and decrypts the clinic's clinical text in this transaction (ADR 0025). */
  cipher: ClinicCipher;
  apiKeyId: string | null;
}

/**
 * The role an API key's transaction runs with: the front desk's, so that the database's own
 * role checks (changing the clinic row needs owner or admin) hold against keys too.
 */
const API_KEY_SCOPE_ROLE = "receptionist" satisfies MembershipRole;

/** The tenant scope of an API key's call, once its scopes allow `path` and its rate has room. */
async function apiKeyScope(ctx: Context, key: ApiKeyCaller, path: string): Promise<Omit<StaffScope, "tx" | "cipher">> {
  const missing = (apiKeyScopesFor(path) ?? []).filter((scope) => !key.scopes.includes(scope));
  if (missing.length > 0) throw new ForbiddenError(`This API key lacks the ${missing.join(" and ")} scope`, "API_KEY_SCOPE");
  await enforceLimits(ctx, apiKeyLimits(ctx.deps, key.id));
  return { clinicId: key.clinicId, userId: null, role: API_KEY_SCOPE_ROLE, apiKeyId: key.id };
}

/** The tenant scope of a signed-in member of the session's active clinic whose role is one of `roles`. */
async function memberScope(ctx: Context, roles: readonly MembershipRole[]): Promise<Omit<StaffScope, "tx" | "cipher">> {
  const { session, deps } = ctx;
  if (!session) throw new UnauthorizedError("Please sign in");
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
  return { clinicId, userId: session.userId, role: membership.role, apiKeyId: null };
}

/**
 * For work inside one clinic: the session's active clinic, by a member with one of `roles`, or
 * an API key's clinic, with the scopes API_KEY_ACCESS asks for. The handler runs inside
 * `withTenant`; a failure rolls the whole transaction back.
 */
export function staffProcedure(...roles: readonly MembershipRole[]) {
  return base.use(async ({ ctx, next, path }) => {
    const scope = ctx.apiKey ? await apiKeyScope(ctx, ctx.apiKey, path) : await memberScope(ctx, roles);
    // A transaction that lost a race as a deadlock or serialization failure runs again, whole (ADR 0019).
    return withRaceRetry(() =>
      withTenant(ctx.deps.db, scope, async (tx) => {
        const result = await next({ ctx: { staff: { tx, ...scope, cipher: ctx.deps.vault.forClinic(tx, scope.clinicId) } satisfies StaffScope } });
        // next() reports failure instead of throwing: rethrow so the transaction rolls back.
        if (!result.ok) throw result.error;
        return result;
      }),
    );
  });
}

/**
 * The signed-in member behind a staff call. For the session-only procedures (an API key never
 * gets there: the base procedure refuses it), so this throwing is a wiring mistake, not a path.
 */
export function signedInMember(staff: StaffScope): string {
  if (staff.userId === null) throw new ForbiddenError("This needs a signed-in person: API keys cannot call it", "SESSION_ONLY");
  return staff.userId;
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
