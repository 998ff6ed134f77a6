// appointments.series.*: recurring series (ADR 0033). Preview lists every occurrence with its
// clashes and alternatives; book writes all of them or none ("all"), or only the free ones
// ("free"); move and cancel reach "this one", "this and following" or "all" open occurrences.
import { appointmentSeries, appointments } from "@frontdesk/db/schema";
import {
  addDays,
  dayNumberOf,
  instantAt,
  isoWeekday,
  isOpen,
  localDateOf,
  OPEN_STATUSES,
  seriesBookInput,
  seriesBookView,
  seriesCancelInput,
  seriesChangeView,
  seriesMoveInput,
  seriesPreviewInput,
  seriesPreviewView,
  wallClockOf,
} from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, eq, gt, gte, inArray, or } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { assertTransition, assertVersion, blockedRange, loadAppointment, presentAppointment, recordEvent, type AppointmentRow } from "../../booking/appointments";
import { clinicOf } from "../../booking/clinic";
import { checkOccurrences } from "../../booking/occurrences";
import { lockAppointmentSlot } from "../../booking/race-retry";
import { assertOffers, insertStaffAppointment, serviceOf } from "../../booking/staff-booking";
import { ConflictError, RuleError } from "../../errors";
import { notifyAppointmentChange } from "../../notifications/events";
import { procedure, type StaffScope } from "../../trpc";
import { offeringPractitioners } from "../public/offering";
import { planSeries } from "./plan";

const clashMessage = (indexes: number[]) =>
  `${indexes.length === 1 ? "Occurrence" : "Occurrences"} ${indexes.map((i) => i + 1).join(", ")} ${indexes.length === 1 ? "is" : "are"} not free: nothing was changed. Pick an alternative or book the free ones.`;

/** The open occurrences a scope reaches, the one clicked included, locked for the change, in time order. */
async function scopeTargets(staff: StaffScope, current: AppointmentRow, scope: "this" | "following" | "all", now: Date): Promise<AppointmentRow[]> {
  if (scope === "this") return [current];
  if (!current.seriesId) throw new RuleError("This appointment is not part of a series", "NOT_IN_SERIES");
  const rows = await staff.tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, staff.clinicId),
        eq(appointments.seriesId, current.seriesId),
        inArray(appointments.status, [...OPEN_STATUSES]),
        // "All" leaves what already happened alone: only the clicked one and those still to come.
        scope === "following" ? gte(appointments.startsAt, current.startsAt) : or(eq(appointments.id, current.id), gt(appointments.startsAt, now)),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .for("update");
  return rows;
}

export const seriesRouter = {
  preview: procedure("appointments.series.preview")
    .meta({ openapi: { method: "POST", path: "/appointment-series/preview", tags: ["Appointments"], protect: true, summary: "Check every occurrence of a recurring series before booking it (POST: the pattern is nested; nothing is written)" } })
    .input(seriesPreviewInput)
    .output(seriesPreviewView)
    .query(async ({ ctx, input }) => {
      const plan = await planSeries(ctx.staff, ctx.deps.clock.now(), input);
      return { timezone: plan.clinic.timezone, localTime: plan.localTime, occurrences: plan.occurrences };
    }),

  book: procedure("appointments.series.book")
    .meta({ openapi: { method: "POST", path: "/appointment-series", tags: ["Appointments"], protect: true, summary: "Book a recurring series: all or nothing, or the free occurrences only" } })
    .input(seriesBookInput)
    .output(seriesBookView)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const plan = await planSeries(staff, ctx.deps.clock.now(), input, input.replacements);
      const clashes = plan.occurrences.filter((o) => o.status !== "free").map((o) => o.index);
      const booked = plan.occurrences.filter((o) => o.status === "free");
      if ((input.mode === "all" && clashes.length > 0) || booked.length === 0) {
        throw new ConflictError(clashMessage(clashes), { reason: "SERIES_CLASH", details: { clashes } });
      }
      const pattern = input.pattern;
      const [series] = await staff.tx
        .insert(appointmentSeries)
        .values({
          clinicId: staff.clinicId,
          patientId: input.patientId,
          serviceId: plan.service.id,
          practitionerId: input.practitionerId,
          firstDate: plan.firstDate,
          localTime: plan.localTime,
          everyWeeks: pattern.everyWeeks,
          weekdays: pattern.weekdays?.length ? [...new Set(pattern.weekdays)].sort() : [isoWeekday(plan.firstDate)],
          occurrenceCount: pattern.count ?? null,
          untilDate: pattern.until ?? null,
        })
        .returning({ id: appointmentSeries.id });
      await recordStaffAudit(ctx, { action: "create", entity: "appointment_series", entityId: series!.id, changes: { occurrences: [null, booked.length], skipped: [null, clashes.length] } });
      const written = [];
      for (const [i, occurrence] of booked.entries()) {
        written.push(
          await insertStaffAppointment(staff, ctx.requestId, {
            practitionerId: occurrence.practitionerId,
            service: plan.service,
            patientId: input.patientId,
            start: new Date(occurrence.start),
            seriesId: series!.id,
            // One confirmation for the series, planned with its first occurrence; it lists them all.
            notifyPatient: i === 0 && (input.notify ?? true),
            seriesConfirmation: i === 0,
          }),
        );
      }
      return { seriesId: series!.id, appointments: await present(staff, written), skipped: input.mode === "free" ? clashes : [] };
    }),

  move: procedure("appointments.series.move")
    .meta({ openapi: { method: "POST", path: "/appointments/{id}/series/move", tags: ["Appointments"], protect: true, summary: "Move an occurrence and, with scope, the following ones or all" } })
    .input(seriesMoveInput)
    .output(seriesChangeView)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const now = ctx.deps.clock.now();
      const { appointment: current } = await loadAppointment(staff.tx, staff.clinicId, input.id, { forUpdate: true });
      assertVersion(current.version, input.version);
      if (!isOpen(current.status)) throw new RuleError(`A ${current.status.replace("_", "-")} appointment cannot be moved`, "INVALID_TRANSITION");
      const clinic = await clinicOf(staff.tx, staff.clinicId);
      const service = await serviceOf(staff, current.serviceId);
      if (input.practitionerId && input.practitionerId !== current.practitionerId) await assertOffers(staff, input.practitionerId, service.id);
      const targets = await scopeTargets(staff, current, input.scope, now);

      // The same change of local date and wall-clock time for every occurrence (DST-safe).
      const from = wallClockOf(current.startsAt, clinic.timezone);
      const to = wallClockOf(input.start, clinic.timezone);
      const dayShift = (dayNumberOf(to.date) ?? 0) - (dayNumberOf(from.date) ?? 0);
      const planned = targets.map((target, index) => ({
        index,
        start: new Date(instantAt(addDays(localDateOf(target.startsAt, clinic.timezone), dayShift), to.minutes, clinic.timezone)),
        practitionerId: input.practitionerId ?? target.practitionerId,
      }));
      const offering = (await offeringPractitioners(staff.tx, staff.clinicId, service.id)).map((p) => p.id);
      const checked = await checkOccurrences(staff.tx, { clinic, service, occurrences: planned, offering, now, ignore: targets });
      const clashes = checked.filter((o) => o.status !== "free").map((o) => o.index);
      if (clashes.length > 0) throw new ConflictError(clashMessage(clashes), { reason: "SERIES_CLASH", details: { clashes, occurrences: checked } });

      // Moving later, the last goes first (and earlier, the first), so no occurrence lands on one not yet moved.
      const order = planned[0] && planned[0].start > targets[0]!.startsAt ? [...planned].reverse() : planned;
      for (const move of order) {
        const target = targets[move.index]!;
        const range = blockedRange(move.start, service);
        await lockAppointmentSlot(staff.tx, { clinicId: staff.clinicId, practitionerId: move.practitionerId, ...range });
        await staff.tx
          .update(appointments)
          .set({ ...range, practitionerId: move.practitionerId, version: target.version + 1, updatedAt: now })
          .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.id, target.id)));
        await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: target.id, practitionerId: move.practitionerId, kind: "rescheduled" });
        await notifyAppointmentChange(staff.tx, { clinicId: staff.clinicId, appointmentId: target.id, event: "rescheduled", version: target.version + 1, previousStart: target.startsAt, by: "staff" });
        await recordStaffAudit(ctx, {
          action: "reschedule",
          entity: "appointment",
          entityId: target.id,
          changes: {
            start: [target.startsAt.toISOString(), move.start.toISOString()],
            ...(move.practitionerId !== target.practitionerId ? { practitionerId: [target.practitionerId, move.practitionerId] } : {}),
            ...(input.scope !== "this" ? { scope: [null, input.scope] } : {}),
          },
        });
      }
      return { appointments: await present(staff, targets) };
    }),

  cancel: procedure("appointments.series.cancel")
    .meta({ openapi: { method: "POST", path: "/appointments/{id}/series/cancel", tags: ["Appointments"], protect: true, summary: "Cancel an occurrence and, with scope, the following ones or all" } })
    .input(seriesCancelInput)
    .output(seriesChangeView)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const now = ctx.deps.clock.now();
      const { appointment: current } = await loadAppointment(staff.tx, staff.clinicId, input.id, { forUpdate: true });
      assertVersion(current.version, input.version);
      assertTransition(current.status, "cancelled");
      const targets = await scopeTargets(staff, current, input.scope, now);
      for (const target of targets) {
        await staff.tx
          .update(appointments)
          .set({ status: "cancelled", cancelReason: input.reason, version: target.version + 1, updatedAt: now })
          .where(and(eq(appointments.clinicId, staff.clinicId), eq(appointments.id, target.id)));
        await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: target.id, practitionerId: target.practitionerId, kind: "cancelled" });
        await notifyAppointmentChange(staff.tx, { clinicId: staff.clinicId, appointmentId: target.id, event: "cancelled", version: target.version + 1, by: "staff" });
        await recordStaffAudit(ctx, {
          action: "cancel",
          entity: "appointment",
          entityId: target.id,
          changes: { status: [target.status, "cancelled"], cancelReason: [null, input.reason], ...(input.scope !== "this" ? { scope: [null, input.scope] } : {}) },
        });
      }
      return { appointments: await present(staff, targets) };
    }),
} satisfies TRPCRouterRecord;

async function present(staff: StaffScope, rows: readonly AppointmentRow[]) {
  const answer = [];
  for (const row of rows) {
    const loaded = await loadAppointment(staff.tx, staff.clinicId, row.id);
    answer.push(presentAppointment(loaded.appointment, loaded));
  }
  return answer;
}
