// public.booking.cancel: the patient cancels with the manage link, before the cancellation notice; the patient gets a cancellation notice (METHOD:CANCEL).
import { bookingCancelInput } from "@frontdesk/domain";
import { appointments } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../audit";
import { assertTransition, presentAppointment, recordEvent } from "../../../booking/appointments";
import { notifyAppointmentChange } from "../../../notifications/events";
import { manageLimit } from "../../../rate-limit/public-limits";
import { procedure } from "../../../trpc";
import { assertChangeable, fromLink, linkedAppointment } from "../manage-link";
import { asPublic } from "../scope";

export const cancel = procedure("public.booking.cancel")
  .input(bookingCancelInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    return asPublic(ctx, clinic.id, async (tx) => {
      const row = await linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
      const current = row.appointment;
      assertChangeable(clinic, current, ctx.deps.clock.now());
      assertTransition(current.status, "cancelled");
      const [updated] = await tx
        .update(appointments)
        .set({ status: "cancelled", cancelReason: input.reason ?? null, version: current.version + 1, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(appointments.clinicId, clinic.id), eq(appointments.id, current.id)))
        .returning();
      await recordEvent(tx, { clinicId: clinic.id, appointmentId: current.id, practitionerId: current.practitionerId, kind: "cancelled" });
      await notifyAppointmentChange(tx, { clinicId: clinic.id, appointmentId: current.id, event: "cancelled", version: current.version + 1, by: "patient" });
      await recordAudit(tx, {
        clinicId: clinic.id,
        actorUserId: null,
        actorKind: "patient_link",
        action: "cancel",
        entity: "appointment",
        entityId: current.id,
        changes: { status: [current.status, "cancelled"], ...(input.reason ? { cancelReason: [null, input.reason] } : {}) },
        requestId: ctx.requestId,
      });
      return { appointment: { ...presentAppointment(updated!, row), clinicName: clinic.name, timezone: clinic.timezone } };
    });
  });
