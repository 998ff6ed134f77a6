// notifications.messages.forAppointment: what was (and will be) sent about one appointment, oldest first.
import { messages } from "@frontdesk/db/schema";
import { appointmentMessagesInput } from "@frontdesk/domain";
import { and, asc, eq } from "drizzle-orm";
import { loadAppointment } from "../../booking/appointments";
import { procedure } from "../../trpc";
import { messageView } from "./message-view";

export const forAppointment = procedure("notifications.messages.forAppointment")
  .input(appointmentMessagesInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    await loadAppointment(tx, clinicId, input.appointmentId);
    const rows = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.clinicId, clinicId), eq(messages.appointmentId, input.appointmentId)))
      .orderBy(asc(messages.sendAt), asc(messages.createdAt));
    return rows.map(messageView);
  });
