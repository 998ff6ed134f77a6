// public.booking.reschedule: the patient moves the appointment with the manage link to another
// free time of the same service, before the cancellation notice.
import { bookingRescheduleInput, localDateOf } from "@frontdesk/domain";
import { appointments } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../audit";
import { blockedRange, loadAppointment, presentAppointment, recordEvent } from "../../../booking/appointments";
import { findSlots, slotAt } from "../../../booking/availability";
import { lockAppointmentSlot, RaceLostError, withRaceRetry } from "../../../booking/race-retry";
import { ConflictError, isSlotTaken } from "../../../errors";
import { flagsOfClinic, requireFlag } from "../../../flags/read";
import { notifyAppointmentChange } from "../../../notifications/events";
import { manageLimit } from "../../../rate-limit/public-limits";
import { procedure } from "../../../trpc";
import { assertChangeable, fromLink, linkedAppointment } from "../manage-link";
import { bookableService, nextFreeSlots, practitionersFor, publicSlot, TAKEN } from "../offering";
import { asPublic } from "../scope";

export const reschedule = procedure("public.booking.reschedule")
  .input(bookingRescheduleInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    // Moving is booking a new time: closed with online booking (cancelling stays open).
    requireFlag(flagsOfClinic(clinic), "onlineBooking", `${clinic.name} is not taking changes online at the moment. Please call the clinic.`);
    const start = new Date(input.start);
    const now = ctx.deps.clock.now();
    let serviceId = "";
    try {
      return await withRaceRetry(() => asPublic(ctx, clinic.id, async (tx) => {
        const row = await linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
        const current = row.appointment;
        serviceId = current.serviceId;
        assertChangeable(clinic, current, now);
        const service = await bookableService(tx, clinic.id, current.serviceId);
        const candidates = await practitionersFor(tx, clinic.id, current.serviceId, input.practitionerId ?? current.practitionerId);
        const date = localDateOf(start, clinic.timezone);
        const days = await findSlots(tx, { clinic, service, practitionerIds: candidates, from: date, to: date, now, ignoreAppointmentId: current.id });
        if (!slotAt(days, start)) throw new ConflictError("Sorry, that time is not available.", { reason: "SLOT_UNAVAILABLE", details: { nextSlots: (days[0]?.slots ?? []).slice(0, 6).map(publicSlot) } });
        const practitionerId = candidates[0]!;
        await lockAppointmentSlot(tx, { clinicId: clinic.id, practitionerId, ...blockedRange(start, service) });
        const [updated] = await tx
          .update(appointments)
          .set({ ...blockedRange(start, service), practitionerId, version: current.version + 1, updatedAt: now })
          .where(and(eq(appointments.clinicId, clinic.id), eq(appointments.id, current.id)))
          .returning();
        await recordEvent(tx, { clinicId: clinic.id, appointmentId: current.id, practitionerId, kind: "rescheduled" });
        await notifyAppointmentChange(tx, { clinicId: clinic.id, appointmentId: current.id, event: "rescheduled", version: current.version + 1, previousStart: current.startsAt, previousPractitionerId: current.practitionerId, by: "patient" });
        await recordAudit(tx, {
          clinicId: clinic.id,
          actorUserId: null,
          actorKind: "patient_link",
          action: "reschedule",
          entity: "appointment",
          entityId: current.id,
          changes: {
            start: [current.startsAt.toISOString(), start.toISOString()],
            ...(practitionerId !== current.practitionerId ? { practitionerId: [current.practitionerId, practitionerId] } : {}),
          },
          requestId: ctx.requestId,
        });
        const names = await loadAppointment(tx, clinic.id, current.id);
        return { appointment: { ...presentAppointment(updated!, names), clinicName: clinic.name, timezone: clinic.timezone } };
      }));
    } catch (error) {
      if (!isSlotTaken(error) && !(error instanceof RaceLostError)) throw error;
      throw new ConflictError(TAKEN, { reason: "SLOT_TAKEN", details: { nextSlots: await nextFreeSlots(ctx, clinic, serviceId, input.practitionerId, start) } });
    }
  });
