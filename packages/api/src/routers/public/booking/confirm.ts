// public.booking.confirm: the patient's "I'm coming" from the link in a reminder. Idempotent: a
// second click finds the appointment confirmed and says so.
import { messageLinkInput } from "@frontdesk/domain";
import { appointments } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../audit";
import { assertTransition, presentAppointment, recordEvent } from "../../../booking/appointments";
import { manageLimit } from "../../../rate-limit/public-limits";
import { procedure } from "../../../trpc";
import { fromLink, linkedAppointment } from "../manage-link";
import { asPublic } from "../scope";

export const confirm = procedure("public.booking.confirm")
  .input(messageLinkInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    return asPublic(ctx, clinic.id, async (tx) => {
      const row = await linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
      const current = row.appointment;
      const answer = (appointment: typeof current) => ({ appointment: { ...presentAppointment(appointment, row), clinicName: clinic.name, timezone: clinic.timezone } });
      if (current.status === "confirmed") return answer(current);
      assertTransition(current.status, "confirmed");
      const [updated] = await tx
        .update(appointments)
        .set({ status: "confirmed", version: current.version + 1, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(appointments.clinicId, clinic.id), eq(appointments.id, current.id)))
        .returning();
      await recordEvent(tx, { clinicId: clinic.id, appointmentId: current.id, practitionerId: current.practitionerId, kind: "status_changed" });
      await recordAudit(tx, {
        clinicId: clinic.id,
        actorUserId: null,
        actorKind: "patient_link",
        action: "confirm",
        entity: "appointment",
        entityId: current.id,
        changes: { status: [current.status, "confirmed"] },
        requestId: ctx.requestId,
      });
      return answer(updated!);
    });
  });
