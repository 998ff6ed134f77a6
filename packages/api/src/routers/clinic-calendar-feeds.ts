// clinic.calendarFeeds.*: calendar subscription URLs (ADR 0040). Admins make feeds for anyone and
// for the whole clinic; a practitioner for their own calendar only. The URL (with its secret) is in
// the create answer only. A practitioner's privacy setting decides what every feed shows of them.
// Behind the `calendarFeeds` rollout flag (ADR 0039).
import { createFeedToken } from "@frontdesk/auth";
import { calendarFeeds, practitioners } from "@frontdesk/db/schema";
import { createCalendarFeedInput, mayUseWholeClinicFeed, revokeCalendarFeedInput, setFeedDetailInput, type FeedDetail } from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, desc, eq } from "drizzle-orm";
import { pepperOf } from "../api-keys/authenticate";
import { recordStaffAudit } from "../audit";
import { ForbiddenError, NotFoundError } from "../errors";
import { clinicFlagsFor, requireFlag } from "../flags/read";
import { procedure, signedInMember, type StaffScope } from "../trpc";
import type { ServerDeps } from "../ports";

/** The feed's address: calendars subscribe to it (webcal:// is the same URL with another scheme). */
export const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/ical/${token}.ics`;

/** The practitioners this member may make feeds for: all for admins, their own for a practitioner. */
async function reachablePractitioners(staff: StaffScope) {
  const rows = await staff.tx
    .select({ id: practitioners.id, displayName: practitioners.displayName, userId: practitioners.userId, feedDetail: practitioners.feedDetail })
    .from(practitioners)
    .where(eq(practitioners.clinicId, staff.clinicId));
  return staff.role === "practitioner" ? rows.filter((row) => row.userId === staff.userId) : rows;
}

async function practitionerInReach(staff: StaffScope, practitionerId: string) {
  const reachable = await reachablePractitioners(staff);
  const practitioner = reachable.find((row) => row.id === practitionerId);
  if (practitioner) return practitioner;
  // Another practitioner's calendar reads as one the member cannot touch; an unknown id as unknown.
  const [exists] = await staff.tx.select({ id: practitioners.id }).from(practitioners).where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitionerId)));
  if (exists) throw new ForbiddenError("You can manage only your own calendar's feeds", "NOT_YOUR_CALENDAR");
  throw new NotFoundError("Practitioner");
}

async function requireFeeds(deps: ServerDeps, clinicId: string) {
  requireFlag(await clinicFlagsFor(deps, clinicId), "calendarFeeds", "Calendar feeds are not available for this clinic yet");
}

export const clinicCalendarFeedsRouter = {
  /** The feeds this member may see, with each practitioner's privacy setting; `enabled` says whether the rollout reached the clinic. */
  list: procedure("clinic.calendarFeeds.list").query(async ({ ctx }) => {
    const staff = ctx.staff;
    const reachable = await reachablePractitioners(staff);
    const names = new Map(reachable.map((p) => [p.id, p.displayName]));
    const rows = await staff.tx.select().from(calendarFeeds).where(eq(calendarFeeds.clinicId, staff.clinicId)).orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id));
    const visible = rows.filter((row) => (row.practitionerId === null ? mayUseWholeClinicFeed(staff.role) : names.has(row.practitionerId)));
    return {
      enabled: (await clinicFlagsFor(ctx.deps, staff.clinicId)).calendarFeeds,
      practitioners: reachable.map((p) => ({ id: p.id, displayName: p.displayName, detail: p.feedDetail as FeedDetail })),
      feeds: visible.map((row) => ({
        id: row.id,
        practitionerId: row.practitionerId,
        label: row.practitionerId === null ? "Whole clinic" : (names.get(row.practitionerId) ?? ""),
        hint: `…${row.hint}`,
        createdAt: row.createdAt.toISOString(),
        revokedAt: row.revokedAt?.toISOString() ?? null,
      })),
    };
  }),

  /** The feed's URL is in this answer only: its secret is stored as a hash. */
  create: procedure("clinic.calendarFeeds.create")
    .input(createCalendarFeedInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const userId = signedInMember(staff);
      await requireFeeds(ctx.deps, staff.clinicId);
      if (input.practitionerId) await practitionerInReach(staff, input.practitionerId);
      else if (!mayUseWholeClinicFeed(staff.role)) throw new ForbiddenError("Only admins can subscribe to the whole clinic's calendar", "NOT_YOUR_CALENDAR");
      const id = crypto.randomUUID();
      const { token, secretHash, hint } = createFeedToken(staff.clinicId, id, pepperOf(ctx.deps));
      await staff.tx.insert(calendarFeeds).values({ id, clinicId: staff.clinicId, practitionerId: input.practitionerId ?? null, hint, secretHash, createdBy: userId });
      await recordStaffAudit(ctx, { action: "create", entity: "calendar_feed", entityId: id, changes: { practitionerId: [null, input.practitionerId ?? null] } });
      return { id, url: feedUrl(ctx.deps.publicUrl, token) };
    }),

  revoke: procedure("clinic.calendarFeeds.revoke")
    .input(revokeCalendarFeedInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const [row] = await staff.tx.select().from(calendarFeeds).where(and(eq(calendarFeeds.clinicId, staff.clinicId), eq(calendarFeeds.id, input.id))).for("update");
      if (!row) throw new NotFoundError("Calendar feed");
      if (row.practitionerId) await practitionerInReach(staff, row.practitionerId);
      else if (!mayUseWholeClinicFeed(staff.role)) throw new ForbiddenError("Only admins can manage the whole clinic's feed", "NOT_YOUR_CALENDAR");
      if (row.revokedAt) return { id: row.id, revokedAt: row.revokedAt.toISOString() };
      const now = ctx.deps.clock.now();
      await staff.tx.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.clinicId, staff.clinicId), eq(calendarFeeds.id, row.id)));
      await recordStaffAudit(ctx, { action: "revoke", entity: "calendar_feed", entityId: row.id, changes: { revokedAt: [null, now.toISOString()] } });
      return { id: row.id, revokedAt: now.toISOString() };
    }),

  /** What feeds show of this practitioner's appointments: time only, patient initials, or full name. */
  setDetail: procedure("clinic.calendarFeeds.setDetail")
    .input(setFeedDetailInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const practitioner = await practitionerInReach(staff, input.practitionerId);
      if (practitioner.feedDetail !== input.detail) {
        await staff.tx
          .update(practitioners)
          .set({ feedDetail: input.detail, updatedAt: ctx.deps.clock.now() })
          .where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitioner.id)));
        await recordStaffAudit(ctx, { action: "update", entity: "practitioner", entityId: practitioner.id, changes: { feedDetail: [practitioner.feedDetail, input.detail] } });
      }
      return { practitionerId: practitioner.id, detail: input.detail };
    }),
} satisfies TRPCRouterRecord;
