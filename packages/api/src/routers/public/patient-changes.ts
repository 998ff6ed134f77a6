// What a patient may change online, whichever way they came: the manage link from an e-mail, or
// signed in on their own list (myAppointments.*, ADR 0050). One place for each rule: the notice
// and the status (assertChangeable), the status machine, the free-time check, the notices sent,
// the audit entry; the callers differ only in how they find the appointment and who acted.
import { localDateOf } from "@frontdesk/domain";
import type { Transaction } from "@frontdesk/db";
import { appointments } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../audit";
import { assertTransition, blockedRange, loadAppointment, presentAppointment, recordEvent } from "../../booking/appointments";
import { findSlots, slotAt } from "../../booking/availability";
import { lockAppointmentSlot, RaceLostError, withRaceRetry } from "../../booking/race-retry";
import type { Context } from "../../context";
import { ConflictError, isSlotTaken } from "../../errors";
import { flagsOfClinic, requireFlag } from "../../flags/read";
import { notifyAppointmentChange } from "../../notifications/events";
import { assertChangeable } from "./manage-link";
import { bookableService, nextFreeSlots, practitionersFor, publicSlot, TAKEN } from "./offering";
import { asPublic, type Clinic } from "./scope";

export type LoadedAppointment = Awaited<ReturnType<typeof loadAppointment>>;
/** Finds the appointment the patient may change, locked for the change (NotFound otherwise). */
export type FindAppointment = (tx: Transaction) => Promise<LoadedAppointment>;
/** Who changed it: the holder of a manage link, or a signed-in patient's account. */
export type PatientActor = { kind: "patient_link"; userId: null } | { kind: "patient_account"; userId: string };

export interface PatientScope {
  clinic: Clinic;
  actor: PatientActor;
  find: FindAppointment;
}

/** The patient's transaction: the public scope, carrying the signed-in account when there is one. */
const inPatientScope = <T>(ctx: Context, scope: PatientScope, work: (tx: Transaction) => Promise<T>) =>
  asPublic(ctx, scope.clinic.id, work, scope.actor.userId);

const present = (clinic: Clinic, updated: typeof appointments.$inferSelect, names: LoadedAppointment) => ({
  appointment: { ...presentAppointment(updated, names), clinicName: clinic.name, timezone: clinic.timezone },
});

/** Cancels before the clinic's notice; the patient gets a cancellation notice (METHOD:CANCEL). */
export function cancelAsPatient(ctx: Context, scope: PatientScope, reason: string | undefined) {
  const { clinic, actor } = scope;
  return inPatientScope(ctx, scope, async (tx) => {
    const row = await scope.find(tx);
    const current = row.appointment;
    assertChangeable(clinic, current, ctx.deps.clock.now());
    assertTransition(current.status, "cancelled");
    const [updated] = await tx
      .update(appointments)
      .set({ status: "cancelled", cancelReason: reason ?? null, version: current.version + 1, updatedAt: ctx.deps.clock.now() })
      .where(and(eq(appointments.clinicId, clinic.id), eq(appointments.id, current.id)))
      .returning();
    await recordEvent(tx, { clinicId: clinic.id, appointmentId: current.id, practitionerId: current.practitionerId, kind: "cancelled" });
    await notifyAppointmentChange(tx, { clinicId: clinic.id, appointmentId: current.id, event: "cancelled", version: current.version + 1, by: "patient" });
    await recordAudit(tx, {
      clinicId: clinic.id,
      actorUserId: actor.userId,
      actorKind: actor.kind,
      action: "cancel",
      entity: "appointment",
      entityId: current.id,
      changes: { status: [current.status, "cancelled"], ...(reason ? { cancelReason: [null, reason] } : {}) },
      requestId: ctx.requestId,
    });
    return present(clinic, updated!, row);
  });
}

/** Moves to another free time of the same service, before the clinic's notice. */
export async function moveAsPatient(ctx: Context, scope: PatientScope, input: { start: string; practitionerId?: string | undefined }) {
  const { clinic, actor } = scope;
  // Moving is booking a new time: closed with online booking (cancelling stays open).
  requireFlag(flagsOfClinic(clinic), "onlineBooking", `${clinic.name} is not taking changes online at the moment. Please call the clinic.`);
  const start = new Date(input.start);
  const now = ctx.deps.clock.now();
  let serviceId = "";
  try {
    return await withRaceRetry(() =>
      inPatientScope(ctx, scope, async (tx) => {
        const row = await scope.find(tx);
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
          actorUserId: actor.userId,
          actorKind: actor.kind,
          action: "reschedule",
          entity: "appointment",
          entityId: current.id,
          changes: {
            start: [current.startsAt.toISOString(), start.toISOString()],
            ...(practitionerId !== current.practitionerId ? { practitionerId: [current.practitionerId, practitionerId] } : {}),
          },
          requestId: ctx.requestId,
        });
        return present(clinic, updated!, await loadAppointment(tx, clinic.id, current.id));
      }),
    );
  } catch (error) {
    if (!isSlotTaken(error) && !(error instanceof RaceLostError)) throw error;
    throw new ConflictError(TAKEN, { reason: "SLOT_TAKEN", details: { nextSlots: await nextFreeSlots(ctx, clinic, serviceId, input.practitionerId, start) } });
  }
}
