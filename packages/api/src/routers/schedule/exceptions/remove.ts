import { removeExceptionInput } from "@frontdesk/domain";
import { scheduleExceptions } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../../audit";
import { NotFoundError } from "../../../errors";
import { procedure } from "../../../trpc";
import { enqueueNewHours } from "../../../waitlist/new-hours";
import { loadPractitioner } from "../../practitioners/practitioner-record";
import { assertMayEditCalendar, exceptionView } from "../hours";

export const removeException = procedure("schedule.exceptions.remove")
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
    // Time off given back may suit someone on the waitlist.
    if (exception.kind === "unavailable") await enqueueNewHours(staff.tx, { practitionerId: exception.practitionerId, from: exception.startsAt, to: exception.endsAt });
    const view = exceptionView(exception);
    await recordStaffAudit(ctx, {
      action: "remove",
      entity: "schedule_exception",
      entityId: view.id,
      changes: { kind: [view.kind, null], startsAt: [view.startsAt, null], endsAt: [view.endsAt, null] },
    });
    return { removed: true };
  });
