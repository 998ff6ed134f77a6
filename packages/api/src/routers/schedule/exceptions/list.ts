import { listExceptionsInput } from "@frontdesk/domain";
import { scheduleExceptions } from "@frontdesk/db/schema";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { procedure } from "../../../trpc";
import { loadPractitioner } from "../../practitioners/practitioner-record";
import { exceptionView } from "../hours";

/** Time off and extra hours overlapping [from, to), for one practitioner or all. */
export const listExceptions = procedure("schedule.exceptions.list")
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
  });
