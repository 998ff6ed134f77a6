// The receptionist's moves: book (phone patients included), move, cancel, and walk an appointment
// through its statuses. Staff may book outside the online rules, never over another appointment.
import { appointmentView } from "@frontdesk/domain";
import { appointmentDetailView } from "@frontdesk/domain";
import { appointments, patients } from "@frontdesk/db/schema";
import { isOpen, tooEarlyFor } from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { appointmentInput, cancelAppointmentInput, createAppointmentInput, rescheduleAppointmentInput, setStatusInput } from "@frontdesk/domain";
import { recordStaffAudit } from "../audit";
import { ENCRYPTED } from "../encryption/fields";
import { assertTransition, assertVersion, blockedRange, loadAppointment, presentAppointment, recordEvent } from "../booking/appointments";
import { lockAppointmentSlot } from "../booking/race-retry";
import { NotFoundError, RuleError } from "../errors";
import { assertOffers, insertStaffAppointment, serviceOf } from "../booking/staff-booking";
import { notifyAppointmentChange } from "../notifications/events";
import { procedure, type StaffScope } from "../trpc";
import { emitPatientCreatedWebhook } from "../webhooks/events";
import { clinicPhoneCountry, storedPhone } from "./patients/phone";

const audit = (staff: StaffScope, requestId: string, action: string, entityId: string, changes: Record<string, [unknown, unknown]>) =>
  recordStaffAudit({ staff, requestId }, { action, entity: "appointment", entityId, changes });

export const appointmentsRouter = {
  /** One appointment with the patient's contact details; staff reading them is audited. */
  get: procedure("appointments.get")
    .meta({ openapi: { method: "GET", path: "/appointments/{id}", tags: ["Appointments"], protect: true, summary: "One appointment with the patient's contact details (audited)" } })
    .output(appointmentDetailView)
    .input(appointmentInput)
    .query(async ({ ctx, input }) => {
      const staff = ctx.staff;
      // One round trip: the patient is found through the appointment's own row.
      const [row, [patient]] = await Promise.all([
        loadAppointment(staff.tx, staff.clinicId, input.id),
        staff.tx
          .select({ id: patients.id, fullName: patients.fullName, email: patients.email, phone: patients.phone, dateOfBirth: patients.dateOfBirth })
          .from(patients)
          .where(
            and(
              eq(patients.clinicId, staff.clinicId),
              eq(patients.id, sql`(select ${appointments.patientId} from ${appointments} where ${appointments.clinicId} = ${staff.clinicId} and ${appointments.id} = ${input.id})`),
            ),
          ),
      ]);
      const [notes] = await Promise.all([
        staff.cipher.open(ENCRYPTED.appointmentNotes, row.appointment.id, row.appointment.notes),
        recordStaffAudit(ctx, { action: "view", entity: "patient", entityId: row.appointment.patientId }),
      ]);
      return {
        ...presentAppointment(row.appointment, row),
        seriesId: row.appointment.seriesId,
        notes,
        cancelReason: row.appointment.cancelReason,
        patient: patient!,
      };
    }),

  create: procedure("appointments.create")
    .meta({ openapi: { method: "POST", path: "/appointments", tags: ["Appointments"], protect: true, summary: "Book an appointment for a patient on record or a new one (outside the online rules, never over another appointment)" } })
    .output(appointmentView)
    .input(createAppointmentInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const service = await serviceOf(staff, input.serviceId);
      await assertOffers(staff, input.practitionerId, service.id);
      let patientId = input.patientId;
      if (patientId) {
        const [patient] = await staff.tx.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, patientId)));
        if (!patient) throw new NotFoundError("Patient");
      } else {
        const p = input.newPatient!;
        const [created] = await staff.tx
          .insert(patients)
          .values({ clinicId: staff.clinicId, fullName: p.name, email: p.email ?? null, phone: storedPhone(p.phone ?? null, await clinicPhoneCountry(staff.tx, staff.clinicId)), dateOfBirth: p.dateOfBirth ?? null })
          .returning({ id: patients.id });
        patientId = created!.id;
        await emitPatientCreatedWebhook(staff.tx, { clinicId: staff.clinicId, patientId });
      }
      const appointment = await insertStaffAppointment(staff, ctx.requestId, {
        practitionerId: input.practitionerId,
        service,
        patientId,
        start: new Date(input.start),
        notes: input.notes ?? null,
        notifyPatient: input.notify ?? true,
      });
      const row = await loadAppointment(staff.tx, staff.clinicId, appointment.id);
      return presentAppointment(row.appointment, row);
    }),

  reschedule: procedure("appointments.reschedule")
    .meta({ openapi: { method: "POST", path: "/appointments/{id}/reschedule", tags: ["Appointments"], protect: true, summary: "Move an appointment (send the version you read)" } })
    .output(appointmentView)
    .input(rescheduleAppointmentInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const { appointment: current } = await loadAppointment(staff.tx, staff.clinicId, input.id, { forUpdate: true });
      assertVersion(current.version, input.version);
      if (!isOpen(current.status)) throw new RuleError(`A ${current.status.replace("_", "-")} appointment cannot be moved`, "INVALID_TRANSITION");
      const practitionerId = input.practitionerId ?? current.practitionerId;
      const service = await serviceOf(staff, current.serviceId);
      if (practitionerId !== current.practitionerId) await assertOffers(staff, practitionerId, service.id);
      const start = new Date(input.start);
      await lockAppointmentSlot(staff.tx, { clinicId: staff.clinicId, practitionerId, ...blockedRange(start, service) });
      await staff.tx
        .update(appointments)
        .set({ ...blockedRange(start, service), practitionerId, version: current.version + 1, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.id, current.id)));
      await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: current.id, practitionerId, kind: "rescheduled" });
      await notifyAppointmentChange(staff.tx, { clinicId: staff.clinicId, appointmentId: current.id, event: "rescheduled", version: current.version + 1, previousStart: current.startsAt, previousPractitionerId: current.practitionerId, by: "staff" });
      await audit(staff, ctx.requestId, "reschedule", current.id, {
        start: [current.startsAt.toISOString(), start.toISOString()],
        ...(practitionerId !== current.practitionerId ? { practitionerId: [current.practitionerId, practitionerId] } : {}),
      });
      const row = await loadAppointment(staff.tx, staff.clinicId, current.id);
      return presentAppointment(row.appointment, row);
    }),

  cancel: procedure("appointments.cancel")
    .meta({ openapi: { method: "POST", path: "/appointments/{id}/cancel", tags: ["Appointments"], protect: true, summary: "Cancel an appointment, with a reason" } })
    .output(appointmentView)
    .input(cancelAppointmentInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const { appointment: current } = await loadAppointment(staff.tx, staff.clinicId, input.id, { forUpdate: true });
      assertVersion(current.version, input.version);
      assertTransition(current.status, "cancelled");
      await staff.tx
        .update(appointments)
        .set({ status: "cancelled", cancelReason: input.reason, version: current.version + 1, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.id, current.id)));
      await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: current.id, practitionerId: current.practitionerId, kind: "cancelled" });
      await notifyAppointmentChange(staff.tx, { clinicId: staff.clinicId, appointmentId: current.id, event: "cancelled", version: current.version + 1, by: "staff" });
      await audit(staff, ctx.requestId, "cancel", current.id, { status: [current.status, "cancelled"], cancelReason: [null, input.reason] });
      const row = await loadAppointment(staff.tx, staff.clinicId, current.id);
      return presentAppointment(row.appointment, row);
    }),

  setStatus: procedure("appointments.setStatus")
    .meta({ openapi: { method: "POST", path: "/appointments/{id}/status", tags: ["Appointments"], protect: true, summary: "Confirm, mark arrived, completed or no-show" } })
    .output(appointmentView)
    .input(setStatusInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const { appointment: current } = await loadAppointment(staff.tx, staff.clinicId, input.id, { forUpdate: true });
      assertVersion(current.version, input.version);
      assertTransition(current.status, input.status);
      const early = tooEarlyFor(input.status, current.startsAt, ctx.deps.clock.now());
      if (early) throw new RuleError(early, "NOT_STARTED");
      await staff.tx
        .update(appointments)
        .set({ status: input.status, version: current.version + 1, updatedAt: ctx.deps.clock.now() })
        .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.id, current.id)));
      await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: current.id, practitionerId: current.practitionerId, kind: "status_changed" });
      await audit(staff, ctx.requestId, "set_status", current.id, { status: [current.status, input.status] });
      const row = await loadAppointment(staff.tx, staff.clinicId, current.id);
      return presentAppointment(row.appointment, row);
    }),
} satisfies TRPCRouterRecord;
