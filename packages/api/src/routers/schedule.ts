import { practitioners, scheduleExceptions, workingHours } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { addExceptionInput, getWeekInput, listExceptionsInput, removeExceptionInput, setWeekInput, type WeeklyInterval } from "@frontdesk/domain";
import { recordStaffAudit } from "../audit";
import { ForbiddenError, NotFoundError } from "../errors";
import { procedure, type StaffScope } from "../trpc";
import { loadPractitioner } from "./practitioners";

/** Admins edit every calendar; a practitioner only the one linked to their own sign-in. */
export function assertMayEditCalendar(staff: StaffScope, practitioner: { userId: string | null }) {
  if (staff.role === "practitioner" && practitioner.userId !== staff.userId) {
    throw new ForbiddenError("You can change only your own hours and time off", "NOT_YOUR_CALENDAR");
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
    .input(getWeekInput)
    .query(async ({ ctx, input }) => {
      await loadPractitioner(ctx.staff, input.practitionerId);
      return { practitionerId: input.practitionerId, intervals: await readWeek(ctx.staff, input.practitionerId) };
    }),

  /** Replaces the practitioner's whole week at once: what is not sent is no longer worked. */
  setWeek: procedure("schedule.setWeek")
    .input(setWeekInput)
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
      .input(listExceptionsInput)
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
      .input(addExceptionInput)
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
      .input(removeExceptionInput)
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
