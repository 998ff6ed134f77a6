// Weekly working hours and dated exceptions: their input rules, who may edit a practitioner's
// calendar, and how an exception is shown.
import { ForbiddenError } from "../../errors";
import type { scheduleExceptions} from "@frontdesk/db/schema";
import { workingHours } from "@frontdesk/db/schema";
import { and, asc, eq } from "drizzle-orm";
import type { StaffScope } from "../../trpc";
import type { WeeklyInterval } from "@frontdesk/domain";

/** Admins edit every calendar; a practitioner only the one linked to their own sign-in. */
export function assertMayEditCalendar(staff: StaffScope, practitioner: { userId: string | null }) {
  if (staff.role === "practitioner" && practitioner.userId !== staff.userId) {
    throw new ForbiddenError("You can change only your own hours and time off", "NOT_YOUR_CALENDAR");
  }
}

const hhmm = (time: string) => (time.startsWith("24:00") ? "24:00" : time.slice(0, 5));
export const describe = (i: WeeklyInterval) => `${i.weekday} ${i.start}-${i.end}`;

export async function readWeek(staff: StaffScope, practitionerId: string): Promise<WeeklyInterval[]> {
  const rows = await staff.tx
    .select({ weekday: workingHours.weekday, start: workingHours.startTime, end: workingHours.endTime })
    .from(workingHours)
    .where(and(eq(workingHours.clinicId, staff.clinicId), eq(workingHours.practitionerId, practitionerId)))
    .orderBy(asc(workingHours.weekday), asc(workingHours.startTime));
  return rows.map((r) => ({ weekday: r.weekday, start: hhmm(r.start), end: hhmm(r.end) }));
}

export const exceptionView = (e: typeof scheduleExceptions.$inferSelect) => ({
  id: e.id,
  practitionerId: e.practitionerId,
  kind: e.kind,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  reason: e.reason,
});
