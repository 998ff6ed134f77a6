import { scheduleExceptions } from "@frontdesk/db/schema";
import { z } from "zod";
import { recordStaffAudit } from "../../../audit";
import { instant } from "../../../schemas";
import { procedure } from "../../../trpc";
import { uuid } from "../../../validation";
import { loadPractitioner } from "../../practitioners/practitioner-record";
import { assertMayEditCalendar, DAY_MS, exceptionKind, exceptionView, onlyWhenValid } from "../hours";

export const addException = procedure("schedule.exceptions.add")
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
  });
