import { addExceptionInput } from "@frontdesk/domain";
import { scheduleExceptions } from "@frontdesk/db/schema";
import { recordStaffAudit } from "../../../audit";
import { procedure } from "../../../trpc";
import { enqueueNewHours } from "../../../waitlist/new-hours";
import { loadPractitioner } from "../../practitioners/practitioner-record";
import { assertMayEditCalendar, exceptionView } from "../hours";

export const addException = procedure("schedule.exceptions.add")
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
    // Extra hours may suit someone on the waitlist.
    if (created!.kind === "available") await enqueueNewHours(staff.tx, { practitionerId: practitioner.id, from: created!.startsAt, to: created!.endsAt });
    await recordStaffAudit(ctx, {
      action: "create",
      entity: "schedule_exception",
      entityId: view.id,
      changes: { practitionerId: [null, view.practitionerId], kind: [null, view.kind], startsAt: [null, view.startsAt], endsAt: [null, view.endsAt] },
    });
    return view;
  });
