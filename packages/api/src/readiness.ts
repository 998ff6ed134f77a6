// /readyz: the database answers as the app role, and every migration this build knows is applied.
import type { Database } from "@frontdesk/db";
import { sql } from "drizzle-orm";
import { readJobQueueStats } from "./jobs/queue";
import journal from "../../../drizzle/meta/_journal.json" with { type: "json" };

const expected = journal.entries.length;
const latest = journal.entries.at(-1)?.when ?? 0;

export type Readiness = { ready: true } | { ready: false; reason: string };

// One second: a load balancer sees an outage (and the recovery) within a second of it.
export async function checkReadiness(db: Database, timeoutMs = 1_000): Promise<Readiness> {
  const probe = db.transaction(async (tx) => {
    const [row] = await tx.execute<{ applied: number; latest: string | null }>(
      sql`select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
    );
    return row;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    const row = await Promise.race([probe, timeout]);
    if (row === "timeout") return { ready: false, reason: "database did not answer in time" };
    if (!row || row.applied < expected || Number(row.latest) !== latest) {
      return { ready: false, reason: `migrations pending: ${row?.applied ?? 0} of ${expected} applied` };
    }
    return { ready: true };
  } catch {
    probe.catch(() => undefined);
    return { ready: false, reason: "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

/** A waiting job older than this means no worker is keeping up (reminders would go out late). */
const QUEUE_STALE_SECONDS = 300;

export interface ReadinessCheck {
  status: "ok" | "failing" | "not_checked";
  ms: number;
  detail?: string;
}

async function timed(work: () => Promise<string | undefined>): Promise<ReadinessCheck> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const problem = await work();
    return problem ? { status: "failing", ms: ms(), detail: problem } : { status: "ok", ms: ms() };
  } catch {
    // Never the error's text: it can carry connection strings or addresses.
    return { status: "failing", ms: ms(), detail: "unreachable" };
  }
}

/** For operators (/readyz?verbose, behind METRICS_TOKEN): each dependency, timed. */
export async function checkReadinessInDetail(deps: { db: Database; mailer: { check?(): Promise<void> } }) {
  const database = await timed(async () => {
    await deps.db.transaction((tx) => tx.execute(sql`select 1`));
    return undefined;
  });
  const migrations = await timed(async () => {
    const readiness = await checkReadiness(deps.db);
    return readiness.ready ? undefined : readiness.reason;
  });
  const mailer = deps.mailer;
  const mail: ReadinessCheck = mailer.check
    ? await timed(async () => {
        await mailer.check!();
        return undefined;
      })
    : { status: "not_checked", ms: 0, detail: "this transport has no check" };
  const queue = await timed(async () => {
    const stats = await readJobQueueStats(deps.db);
    // Failing only when work piles up unrun: a worker is down or far behind.
    return stats.oldestWaitingSeconds > QUEUE_STALE_SECONDS ? `oldest waiting job is ${Math.round(stats.oldestWaitingSeconds)} s old (${stats.waiting} waiting)` : undefined;
  });
  const checks = { database, migrations, queue, mail };
  const ready = database.status === "ok" && migrations.status === "ok" && mail.status !== "failing";
  return { ready, checks };
}
