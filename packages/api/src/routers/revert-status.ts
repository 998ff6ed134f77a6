// appointments.revertStatus: the calendar's undo of a status change or a cancellation (ADR 0034).
// It is a change like any other: the version must be the one the undo toast holds (a colleague's
// change in between wins), the status machine's undo edges decide what may go back, and an
// appointment that blocks the calendar again meets the exclusion constraint once more.
import { appointments } from "@frontdesk/db/schema";
import { appointmentView, canRevert, can, revertStatusInput, STATUS_NAMES } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../audit";
import { assertVersion, loadAppointment, presentAppointment, recordEvent } from "../booking/appointments";
import { lockAppointmentSlot } from "../booking/race-retry";
import { ForbiddenError, RuleError } from "../errors";
import { notifyAppointmentChange } from "../notifications/events";
import { procedure } from "../trpc";

export const revertStatus = procedure("appointments.revertStatus")
  .meta({ openapi: { method: "POST", path: "/appointments/{id}/revert-status", tags: ["Appointments"], protect: true, summary: "Undo a status change or a cancellation, one step back (send the version you read)" } })
  .input(revertStatusInput)
  .output(appointmentView)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const { appointment: current } = await loadAppointment(staff.tx, staff.clinicId, input.id, { forUpdate: true });
    assertVersion(current.version, input.version);
    if (!canRevert(current.status, input.status)) {
      throw new RuleError(`A ${STATUS_NAMES[current.status].toLowerCase()} appointment cannot go back to ${STATUS_NAMES[input.status].toLowerCase()}`, "INVALID_TRANSITION");
    }
    // Undoing a cancellation is restoring a booking: who may not cancel may not restore either.
    if (current.status === "cancelled" && !can(staff.role, "appointments.cancel")) throw new ForbiddenError("Only the front desk can restore a cancelled appointment", "ROLE_NOT_ALLOWED");
    const restoresTime = current.status === "cancelled" || current.status === "no_show";
    if (restoresTime) {
      await lockAppointmentSlot(staff.tx, { clinicId: staff.clinicId, practitionerId: current.practitionerId, startsAt: current.startsAt });
    }
    const now = ctx.deps.clock.now();
    // The update makes the row block the calendar again: the exclusion constraint refuses it (SLOT_TAKEN) if the time was taken meanwhile.
    await staff.tx
      .update(appointments)
      .set({ status: input.status, version: current.version + 1, updatedAt: now, ...(current.status === "cancelled" ? { cancelReason: null } : {}) })
      .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.id, current.id)));
    await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: current.id, practitionerId: current.practitionerId, kind: current.status === "cancelled" ? "created" : "status_changed" });
    if (current.status === "cancelled") {
      // The patient may have heard of the cancellation already: they hear it is back.
      await notifyAppointmentChange(staff.tx, { clinicId: staff.clinicId, appointmentId: current.id, event: "booked", version: current.version + 1, by: "staff" });
    }
    await recordStaffAudit(ctx, { action: "revert_status", entity: "appointment", entityId: current.id, changes: { status: [current.status, input.status] } });
    const row = await loadAppointment(staff.tx, staff.clinicId, current.id);
    return presentAppointment(row.appointment, row);
  });
