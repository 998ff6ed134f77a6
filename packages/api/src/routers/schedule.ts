import { practitioners, scheduleExceptionKind, scheduleExceptions, workingHours } from "@frontdesk/db/schema";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { z } from "zod";
import { recordStaffAudit } from "../audit";
import { NotFoundError } from "../errors";
import { procedure, type StaffScope } from "../trpc";
import { instant } from "../schemas";
import { uuid } from "../validation";
import { loadPractitioner } from "./practitioners";

const DAY_MS = 24 * 60 * 60_000;
const MAX_INTERVALS_PER_DAY = 12;

/** For cross-field rules: run only once every field is valid, so an error names the broken field alone. */
export const onlyWhenValid = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

const wallTime = z.string().max(5, "Use HH:MM").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM between 00:00 and 23:59");
/** "24:00" ends an interval at the next midnight (ADR 0002). */
const wallTimeEnd = z.string().max(5, "Use HH:MM").regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Use HH:MM between 00:01 and 24:00");

const interval = z
  .object({
    weekday: z.number().int().min(1, "Weekday is 1 (Monday) to 7 (Sunday)").max(7, "Weekday is 1 (Monday) to 7 (Sunday)"),
    start: wallTime,
    end: wallTimeEnd,
  })
  .refine((i) => i.end > i.start, { message: "End must be after start", path: ["end"], when: onlyWhenValid });

export type WeeklyInterval = z.infer<typeof interval>;

/** A whole week: several intervals per day, none overlapping another of the same day. */
export const weekInput = z
  .array(interval)
  .max(7 * MAX_INTERVALS_PER_DAY, `At most ${MAX_INTERVALS_PER_DAY} intervals per day`)
  .superRefine((intervals, ctx) => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      const day = intervals.map((i, index) => ({ ...i, index })).filter((i) => i.weekday === weekday);
      if (day.length > MAX_INTERVALS_PER_DAY) {
        ctx.addIssue({ code: "custom", message: `At most ${MAX_INTERVALS_PER_DAY} intervals per day`, path: [day[0]!.index] });
      }
      day.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      for (let k = 1; k < day.length; k++) {
        const previous = day[k - 1]!;
        const current = day[k]!;
        // Half-open intervals: 09:00-12:00 and 12:00-13:00 touch but do not overlap.
        if (current.start < previous.end) {
          ctx.addIssue({
            code: "custom",
            message: `${current.start}-${current.end} overlaps ${previous.start}-${previous.end} on weekday ${weekday}`,
            path: [current.index, "start"],
          });
        }
      }
    }
  });

const exceptionKind = z.enum(scheduleExceptionKind.enumValues, { error: "Kind is unavailable (time off) or available (extra hours)" });

/** Admins edit every calendar; a practitioner only the one linked to their own sign-in. */
export function assertMayEditCalendar(staff: StaffScope, practitioner: { userId: string | null }) {
  if (staff.role === "practitioner" && practitioner.userId !== staff.userId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You can change only your own hours and time off" });
  }
}

const hhmm = (time: string) => (time.startsWith("24:00") ? "24:00" : time.slice(0, 5));
const describe = (i: WeeklyInterval) => `${i.weekday} ${i.start}-${i.end}`;

async function readWeek(staff: StaffScope, practitionerId: string): Promise<WeeklyInterval[]> {
  const rows = await staff.tx
    .select({ weekday: workingHours.weekday, start: workingHours.startTime, end: workingHours.endTime })
    .from(workingHours)
    .where(and(eq(workingHours.clinicId, staff.clinicId), eq(workingHours.practitionerId, practitionerId)))
    .orderBy(asc(workingHours.weekday), asc(workingHours.startTime));
  return rows.map((r) => ({ weekday: r.weekday, start: hhmm(r.start), end: hhmm(r.end) }));
}

const exceptionView = (e: typeof scheduleExceptions.$inferSelect) => ({
  id: e.id,
  practitionerId: e.practitionerId,
  kind: e.kind,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  reason: e.reason,
});

export const scheduleRouter = {
  /** The weekly pattern: local wall-clock intervals in the clinic's time zone. */
  getWeek: procedure("schedule.getWeek")
    .input(z.object({ practitionerId: uuid }))
    .query(async ({ ctx, input }) => {
      await loadPractitioner(ctx.staff, input.practitionerId);
      return { practitionerId: input.practitionerId, intervals: await readWeek(ctx.staff, input.practitionerId) };
    }),

  /** Replaces the practitioner's whole week at once: what is not sent is no longer worked. */
  setWeek: procedure("schedule.setWeek")
    .input(z.object({ practitionerId: uuid, intervals: weekInput }))
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const practitioner = await loadPractitioner(staff, input.practitionerId);
      assertMayEditCalendar(staff, practitioner);
      // Lock the practitioner so that two concurrent saves of the same week cannot interleave.
      await staff.tx
        .select({ id: practitioners.id })
        .from(practitioners)
        .where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitioner.id)))
        .for("update");
      const before = await readWeek(staff, practitioner.id);
      const after = [...input.intervals].sort((a, b) => a.weekday - b.weekday || (a.start < b.start ? -1 : 1));
      await staff.tx
        .delete(workingHours)
        .where(and(eq(workingHours.clinicId, staff.clinicId), eq(workingHours.practitionerId, practitioner.id)));
      if (after.length > 0) {
        await staff.tx.insert(workingHours).values(
          after.map((i) => ({ clinicId: staff.clinicId, practitionerId: practitioner.id, weekday: i.weekday, startTime: i.start, endTime: i.end })),
        );
      }
      const old = before.map(describe);
      const now = after.map(describe);
      await recordStaffAudit(ctx, {
        action: "set_week",
        entity: "working_hours",
        entityId: practitioner.id,
        changes: JSON.stringify(old) === JSON.stringify(now) ? {} : { intervals: [old, now] },
      });
      return { practitionerId: practitioner.id, intervals: after };
    }),

  exceptions: {
    /** Time off and extra hours overlapping [from, to), for one practitioner or all. */
    list: procedure("schedule.exceptions.list")
      .input(
        z
          .object({ practitionerId: uuid.optional(), from: instant, to: instant })
          .refine((r) => r.to > r.from, { message: "The range must end after it starts", path: ["to"], when: onlyWhenValid })
          .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * DAY_MS, { message: "At most 400 days at a time", path: ["to"], when: onlyWhenValid }),
      )
      .query(async ({ ctx, input }) => {
        const { tx, clinicId } = ctx.staff;
        if (input.practitionerId) await loadPractitioner(ctx.staff, input.practitionerId);
        const rows = await tx
          .select()
          .from(scheduleExceptions)
          .where(
            and(
              eq(scheduleExceptions.clinicId, clinicId),
              ...(input.practitionerId ? [eq(scheduleExceptions.practitionerId, input.practitionerId)] : []),
              gt(scheduleExceptions.endsAt, new Date(input.from)),
              lt(scheduleExceptions.startsAt, new Date(input.to)),
            ),
          )
          .orderBy(asc(scheduleExceptions.startsAt), asc(scheduleExceptions.id));
        return rows.map(exceptionView);
      }),

    add: procedure("schedule.exceptions.add")
      .input(
        z
          .object({
            practitionerId: uuid,
            kind: exceptionKind,
            startsAt: instant,
            endsAt: instant,
            reason: z.string().trim().max(200, "Keep the reason under 200 characters").optional(),
          })
          .refine((e) => e.endsAt > e.startsAt, { message: "End must be after start", path: ["endsAt"], when: onlyWhenValid })
          .refine((e) => Date.parse(e.endsAt) - Date.parse(e.startsAt) <= 366 * DAY_MS, { message: "At most a year at a time", path: ["endsAt"], when: onlyWhenValid }),
      )
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const practitioner = await loadPractitioner(staff, input.practitionerId);
        assertMayEditCalendar(staff, practitioner);
        const [created] = await staff.tx
          .insert(scheduleExceptions)
          .values({
            clinicId: staff.clinicId,
            practitionerId: practitioner.id,
            kind: input.kind,
            startsAt: new Date(input.startsAt),
            endsAt: new Date(input.endsAt),
            reason: input.reason || null,
          })
          .returning();
        const view = exceptionView(created!);
        await recordStaffAudit(ctx, {
          action: "create",
          entity: "schedule_exception",
          entityId: view.id,
          changes: { practitionerId: [null, view.practitionerId], kind: [null, view.kind], startsAt: [null, view.startsAt], endsAt: [null, view.endsAt] },
        });
        return view;
      }),

    remove: procedure("schedule.exceptions.remove")
      .input(z.object({ exceptionId: uuid }))
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const [exception] = await staff.tx
          .select()
          .from(scheduleExceptions)
          .where(and(eq(scheduleExceptions.clinicId, staff.clinicId), eq(scheduleExceptions.id, input.exceptionId)));
        if (!exception) throw new NotFoundError("Schedule exception");
        assertMayEditCalendar(staff, await loadPractitioner(staff, exception.practitionerId));
        await staff.tx.delete(scheduleExceptions).where(and(eq(scheduleExceptions.clinicId, staff.clinicId), eq(scheduleExceptions.id, exception.id)));
        const view = exceptionView(exception);
        await recordStaffAudit(ctx, {
          action: "remove",
          entity: "schedule_exception",
          entityId: view.id,
          changes: { kind: [view.kind, null], startsAt: [view.startsAt, null], endsAt: [view.endsAt, null] },
        });
        return { removed: true };
      }),
  },
} satisfies TRPCRouterRecord;
