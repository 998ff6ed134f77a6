// GET /ical/<token>.ics: a calendar subscription (ADR 0040), fetched by Google, Apple and Outlook
// calendar every few minutes to hours, without any sign-in. Every way a feed can be wrong (bad
// token, unknown or revoked feed, another clinic's secret, the rollout flag off) answers the same
// 404, after the same work: a hash compared in constant time.
//
// Cheap: the row check is one indexed read; the calendar itself is kept in this process's memory
// per feed and dropped when the clinic's appointments, practitioners, services or settings change
// (the notifications of migration 0009), or after a minute (patient names have no notification).
// Answers carry an ETag and Last-Modified, so an unchanged calendar costs a 304.
import { parseFeedToken, sha256Hex } from "@frontdesk/auth";
import { withTenant } from "@frontdesk/db";
import { appointments, calendarFeeds, clinics, patients, practitioners, services } from "@frontdesk/db/schema";
import { buildFeedCalendar, feedEventSummary, FEED_WINDOW, type FeedDetail } from "@frontdesk/domain";
import { and, eq, gt, lt } from "drizzle-orm";
import { pepperOf } from "../api-keys/authenticate";
import { clinicCacheFor, type CacheKind } from "../cache/clinic-cache";
import { clinicFlagsFor } from "../flags/read";
import type { ServerDeps } from "../ports";
import { countHits, type Limit } from "../rate-limit/rate-limit";

export const FEED_BODIES: CacheKind = {
  name: "calendar feed",
  options: { dependsOn: ["appointments", "practitioners", "services", "clinics"], maxEntries: 500, maxAgeMs: 60_000 },
};

/** How often calendars are asked to come back, and how long a copy may be kept. */
const REFRESH_MINUTES = 15;
const DAY_MS = 86_400_000;
/** Compared against when the feed is unknown, so an unknown feed costs what a known one does. */
const NO_SUCH_HASH = "0".repeat(64);

interface FeedBody {
  ics: string;
  etag: string;
  lastModified: Date;
}

export const NOT_FOUND = () => new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** Per feed and per client address, an hour each: a calendar app asks a few times an hour at most. */
function feedLimits(deps: Pick<ServerDeps, "rateLimits">, feedId: string, ip: string | null): Limit[] {
  const limits = deps.rateLimits;
  if (!limits) return [];
  const perFeed = limits.calendarFeedPerHour ?? 120;
  return [{ key: `ical:feed:${feedId}`, max: perFeed, windowSeconds: 3600 }, ...(ip ? [{ key: `ical:ip:${ip}`, max: perFeed * 10, windowSeconds: 3600 }] : [])];
}

async function buildBody(deps: ServerDeps, clinicId: string, practitionerId: string | null): Promise<FeedBody> {
  const now = deps.clock.now().getTime();
  const from = new Date(now - FEED_WINDOW.daysBack * DAY_MS);
  const to = new Date(now + FEED_WINDOW.daysAhead * DAY_MS);
  return withTenant(deps.db, { clinicId, userId: null, role: "system" }, async (tx) => {
    const [clinic] = await tx.select({ name: clinics.name, timezone: clinics.timezone }).from(clinics).where(eq(clinics.id, clinicId));
    const rows = await tx
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        status: appointments.status,
        version: appointments.version,
        updatedAt: appointments.updatedAt,
        practitionerId: appointments.practitionerId,
        practitionerName: practitioners.displayName,
        detail: practitioners.feedDetail,
        serviceName: services.name,
        patientName: patients.fullName,
      })
      .from(appointments)
      .innerJoin(practitioners, and(eq(practitioners.clinicId, appointments.clinicId), eq(practitioners.id, appointments.practitionerId)))
      .innerJoin(services, and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)))
      .innerJoin(patients, and(eq(patients.clinicId, appointments.clinicId), eq(patients.id, appointments.patientId)))
      .where(
        and(
          eq(appointments.clinicId, clinicId),
          practitionerId ? eq(appointments.practitionerId, practitionerId) : undefined,
          lt(appointments.startsAt, to),
          gt(appointments.endsAt, from),
        ),
      )
      .orderBy(appointments.startsAt);
    const [practitioner] = practitionerId
      ? await tx.select({ name: practitioners.displayName }).from(practitioners).where(and(eq(practitioners.clinicId, clinicId), eq(practitioners.id, practitionerId)))
      : [];
    // Cancelled appointments are left out (calendars drop what a refreshed feed no longer has), but they still date the feed.
    const events = rows
      .filter((row) => row.status !== "cancelled")
      .map((row) => {
        const summary = feedEventSummary(row.detail as FeedDetail, row);
        return {
          uid: `${row.id}@frontdesk`,
          sequence: row.version - 1,
          stamp: row.updatedAt,
          start: row.startsAt,
          end: row.endsAt,
          // The clinic's feed holds everyone's appointments: each says whose it is.
          summary: practitionerId ? summary : `${summary} (${row.practitionerName})`,
        };
      });
    const name = `${clinic?.name ?? "Frontdesk"}: ${practitioner?.name ?? "all practitioners"}`;
    const ics = buildFeedCalendar({ name, timezone: clinic?.timezone ?? "UTC", refreshMinutes: REFRESH_MINUTES, events });
    const newest = rows.reduce((latest, row) => Math.max(latest, row.updatedAt.getTime()), 0);
    // HTTP dates have whole seconds.
    const lastModified = new Date(Math.floor((newest || now) / 1000) * 1000);
    return { ics, etag: `"${sha256Hex(ics).slice(0, 32)}"`, lastModified };
  });
}

/** The answer to GET /ical/<token>.ics. */
export async function answerCalendarFeed(deps: ServerDeps, token: string, request: { ip: string | null; ifNoneMatch: string | null; ifModifiedSince: string | null }): Promise<Response> {
  const parsed = parseFeedToken(token, pepperOf(deps));
  if (!parsed) return NOT_FOUND();
  const wait = await countHits(deps, feedLimits(deps, parsed.feedId, request.ip));
  if (wait !== null) return new Response("Too many requests\n", { status: 429, headers: { "content-type": "text/plain; charset=utf-8", "retry-after": String(wait) } });

  const [feed] = await withTenant(deps.db, { clinicId: parsed.clinicId, userId: null, role: "system" }, (tx) =>
    tx
      .select({ secretHash: calendarFeeds.secretHash, practitionerId: calendarFeeds.practitionerId, revokedAt: calendarFeeds.revokedAt })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.clinicId, parsed.clinicId), eq(calendarFeeds.id, parsed.feedId))),
  );
  const matches = parsed.matches(feed?.secretHash ?? NO_SUCH_HASH);
  if (!feed || !matches || feed.revokedAt) return NOT_FOUND();
  // The rollout flag off: the feed does not exist as far as a calendar can tell.
  if (!(await clinicFlagsFor(deps, parsed.clinicId)).calendarFeeds) return NOT_FOUND();

  const cache = clinicCacheFor<FeedBody>(deps, FEED_BODIES);
  const load = async () => ({ clinicId: parsed.clinicId, value: await buildBody(deps, parsed.clinicId, feed.practitionerId), expiresAt: new Date(8.64e15) });
  const body = cache ? await cache.get(parsed.feedId, load, parsed.clinicId) : (await load()).value;

  const headers = {
    "content-type": "text/calendar; charset=utf-8",
    // Private: the feed carries what the practitioner allows, for whoever holds the URL only.
    "cache-control": `private, max-age=${REFRESH_MINUTES * 60}`,
    etag: body.etag,
    "last-modified": body.lastModified.toUTCString(),
  };
  const unchanged = request.ifNoneMatch !== null ? request.ifNoneMatch.split(",").some((tag) => tag.trim() === body.etag) : request.ifModifiedSince !== null && Date.parse(request.ifModifiedSince) >= body.lastModified.getTime();
  if (unchanged) return new Response(null, { status: 304, headers });
  return new Response(body.ics, { status: 200, headers });
}
