// calendar.changes: every open calendar of a clinic hears about each appointment change within a
// second, whichever server process made it (ADR 0006).
import { isSessionCurrent, type SessionRecord } from "@frontdesk/auth";
import { withIdentity, withTenant, type TenantScope } from "@frontdesk/db";
import { appointmentEvents, memberships } from "@frontdesk/db/schema";
import { tracked, type TRPCRouterRecord } from "@trpc/server";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { calendarChangesInput } from "@frontdesk/domain";
import type { ServerDeps } from "../ports";
import { hubFor, type AppointmentChange, type FeedSubscription } from "../realtime/change-hub";
import { UnauthorizedError } from "../errors";
import { procedure } from "../trpc";

const REPLAY_BATCH = 500;
/** Without LISTEN (edge runtimes): how often the feed looks for new rows. */
const POLL_MS = 1000;
/**
 * Without LISTEN, the feed is a long poll (ADR 0046): it answers what is new after `lastEventId`
 * and ends, or ends after this long with nothing new. The browser's EventSource reconnects with
 * its Last-Event-ID; an edge runtime may never hear that a client left, so no feed outlives this.
 */
export const POLL_WINDOW_MS = 20_000;
/** With LISTEN: a re-read now and then, in case a notification was lost. */
const SAFETY_READ_MS = 30_000;
/** Ids already sent, kept to drop the duplicates a replay and live notifications can overlap on. */
const REMEMBERED_IDS = 2000;
/**
 * How often an open feed re-checks its session and membership when nothing happens (it also
 * checks before sending anything): a signed-out or removed member's stream ends within this.
 */
export const ACCESS_RECHECK_MS = 5000;

/** Whether the feed's session still stands and its user is still a member of the clinic with the same role. */
async function stillAllowed(deps: ServerDeps, session: SessionRecord, scope: TenantScope): Promise<boolean> {
  if (!(await isSessionCurrent(deps.db, session, deps.clock.now(), deps.sessions))) return false;
  const [membership] = await withIdentity(deps.db, { userId: session.userId }, (tx) =>
    tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, session.userId), eq(memberships.clinicId, scope.clinicId))),
  );
  // A changed role ends the stream too: the client reconnects with what the new role allows.
  return membership?.role === scope.role;
}

/** The wire shape: ids and kind only; the calendar re-fetches what it shows. */
function present(event: Pick<AppointmentChange, "id" | "appointmentId" | "practitionerId" | "kind">) {
  return tracked(String(event.id), { eventId: event.id, appointmentId: event.appointmentId, practitionerId: event.practitionerId, kind: event.kind });
}

/** Events after `afterId`, oldest first, in a short tenant transaction of their own. */
async function readAfter(deps: ServerDeps, scope: TenantScope, afterId: number) {
  return withTenant(deps.db, scope, (tx) =>
    tx
      .select({ id: appointmentEvents.id, appointmentId: appointmentEvents.appointmentId, practitionerId: appointmentEvents.practitionerId, kind: appointmentEvents.kind })
      .from(appointmentEvents)
      .where(and(eq(appointmentEvents.clinicId, scope.clinicId), gt(appointmentEvents.id, afterId)))
      .orderBy(asc(appointmentEvents.id))
      .limit(REPLAY_BATCH),
  );
}

async function latestId(deps: ServerDeps, scope: TenantScope): Promise<number> {
  const [last] = await withTenant(deps.db, scope, (tx) =>
    tx
      .select({ id: appointmentEvents.id })
      .from(appointmentEvents)
      .where(eq(appointmentEvents.clinicId, scope.clinicId))
      .orderBy(desc(appointmentEvents.id))
      .limit(1),
  );
  return last?.id ?? 0;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });

/**
 * Replays the table after `start` (when resuming), then yields live changes. Runs after the
 * request's transaction has ended: every read opens a short tenant transaction of its own.
 */
async function* feed(options: {
  deps: ServerDeps;
  session: SessionRecord;
  scope: TenantScope;
  subscription: FeedSubscription | undefined;
  signal: AbortSignal | undefined;
  start: number;
  replay: boolean;
}) {
  const { deps, session, scope, subscription, signal } = options;
  let lastCheck = performance.now();
  let lastRead = performance.now();
  /** Re-checks access (always before sending; otherwise every ACCESS_RECHECK_MS): false ends the feed. */
  const allowed = async (force: boolean) => {
    if (!force && performance.now() - lastCheck < ACCESS_RECHECK_MS) return true;
    lastCheck = performance.now();
    return stillAllowed(deps, session, scope);
  };
  const sent = new Set<number>();
  const remember = (id: number) => {
    sent.add(id);
    if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value!);
  };
  let cursor = options.start;
  let catchUp = options.replay;
  const opened = performance.now();
  let sentAny = false;
  deps.metrics?.liveFeedOpened();
  try {
    while (!signal?.aborted) {
      if (catchUp) {
        const rows = await readAfter(deps, scope, cursor);
        lastRead = performance.now();
        if (rows.length > 0 && !(await allowed(true))) return;
        for (const row of rows) {
          cursor = Math.max(cursor, row.id);
          if (sent.has(row.id)) continue;
          remember(row.id);
          sentAny = true;
          yield present(row);
        }
        catchUp = rows.length === REPLAY_BATCH;
        if (catchUp) continue;
      }
      if (!subscription) {
        if (sentAny || performance.now() - opened >= POLL_WINDOW_MS) return;
        await sleep(POLL_MS, signal);
        if (!(await allowed(false))) return;
        catchUp = true;
        continue;
      }
      const delivery = await subscription.next(signal, Math.min(ACCESS_RECHECK_MS, SAFETY_READ_MS));
      if ("closed" in delivery) return;
      if ("idle" in delivery) {
        // Idle comes once per ACCESS_RECHECK_MS: check every time (a timer may fire a hair early).
        if (!(await allowed(true))) return;
        catchUp = performance.now() - lastRead >= SAFETY_READ_MS;
        continue;
      }
      if ("resync" in delivery) {
        catchUp = true;
        continue;
      }
      if (delivery.changes.length > 0 && !(await allowed(true))) return;
      // Notifications arrive in commit order, which is not always id order: send each once.
      for (const change of delivery.changes) {
        cursor = Math.max(cursor, change.id);
        if (sent.has(change.id)) continue;
        remember(change.id);
        yield present(change);
      }
    }
  } finally {
    subscription?.close();
    deps.metrics?.liveFeedClosed();
  }
}

export const calendarFeedRouter = {
  /**
   * Server-sent events, one per appointment created, moved, cancelled or changed in status.
   * Each is `tracked` by its event id: a client reconnecting with `lastEventId` first receives
   * everything after it, then live events.
   */
  changes: procedure("calendar.changes")
    .input(calendarChangesInput)
    .subscription(async ({ ctx, input, signal }) => {
      const { deps } = ctx;
      // Session-only (a key never reaches it): the open feed re-checks this session as it runs.
      const session = ctx.session;
      if (!session) throw new UnauthorizedError("Please sign in");
      const scope: TenantScope = { clinicId: ctx.staff.clinicId, userId: ctx.staff.userId, role: ctx.staff.role };
      // Listening starts before the answer does, so nothing committed after the call is missed.
      const subscription = deps.listen ? await hubFor(deps.listen, deps.logger).subscribe(scope.clinicId) : undefined;
      // A client that leaves before the first event never runs the generator's `finally`.
      signal?.addEventListener("abort", () => subscription?.close(), { once: true });
      const start = input.lastEventId !== undefined ? Number(input.lastEventId) : await latestId(deps, scope);
      return feed({ deps, session, scope, subscription, signal, start, replay: input.lastEventId !== undefined });
    }),
} satisfies TRPCRouterRecord;
