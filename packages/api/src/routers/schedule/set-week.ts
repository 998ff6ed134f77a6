import { setWeekInput } from "@frontdesk/domain";
import { practitioners, workingHours } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { addedIntervals, enqueueNewHours } from "../../waitlist/new-hours";
import { loadPractitioner } from "../practitioners/practitioner-record";
import { assertMayEditCalendar, describe, readWeek } from "./hours";

/** Replaces the practitioner's whole week at once: what is not sent is no longer worked. */
export const setWeek = procedure("schedule.setWeek")
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
    // Hours gained may suit someone on the waitlist.
    await enqueueNewHours(staff.tx, { practitionerId: practitioner.id, weekly: addedIntervals(before, after) });
    const old = before.map(describe);
    const now = after.map(describe);
    await recordStaffAudit(ctx, {
      action: "set_week",
      entity: "working_hours",
      entityId: practitioner.id,
      changes: JSON.stringify(old) === JSON.stringify(now) ? {} : { intervals: [old, now] },
    });
    return { practitionerId: practitioner.id, intervals: after };
  });
