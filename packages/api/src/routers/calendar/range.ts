import { calendarRangeInput } from "@frontdesk/domain";
import type { Transaction } from "@frontdesk/db";
import { calendarRangeView } from "@frontdesk/domain";
import { appointments, patients, practitioners, scheduleExceptions, services, workingHours } from "@frontdesk/db/schema";
import { and, asc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import { clinicOf } from "../../booking/clinic";
import { RuleError } from "../../errors";
import { procedure } from "../../trpc";

const DAY_MS = 24 * 60 * 60_000;

/**
 * The practitioners' appointments that overlap [windowStart, windowEnd), with service and patient
 * names. The index is on starts_at: bounded below too (an appointment lasts at most a day,
 * appointments_at_most_a_day), it reads the window's entries, not the practitioners' whole history.
 */
export function appointmentsInWindow(tx: Transaction, clinicId: string, practitionerIds: string[], windowStart: Date, windowEnd: Date) {
  return tx
    .select({
      appointment: appointments,
      serviceName: services.name,
      patientName: patients.fullName,
    })
    .from(appointments)
    .innerJoin(services, and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)))
    .innerJoin(patients, and(eq(patients.clinicId, appointments.clinicId), eq(patients.id, appointments.patientId)))
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        inArray(appointments.practitionerId, practitionerIds),
        gte(appointments.startsAt, new Date(windowStart.getTime() - DAY_MS)),
        gt(appointments.endsAt, windowStart),
        lt(appointments.startsAt, windowEnd),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/**
 * A day or week view: appointments (with patient name and service) and each practitioner's hours
 * and time off, with the clinic's zone and locale (what the calendar needs to draw its times).
 */
export const range = procedure("calendar.range")
    .meta({ openapi: { method: "GET", path: "/calendar", tags: ["Calendar"], protect: true, summary: "The calendar between two local dates: practitioners' hours, time off and appointments" } })
    .output(calendarRangeView)
  .input(calendarRangeInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    if (input.to < input.from) throw new RuleError("`to` must not be before `from`", "INVALID_RANGE");
    if (Date.parse(input.to) - Date.parse(input.from) > 42 * DAY_MS) throw new RuleError("Ask for at most 6 weeks at a time", "INVALID_RANGE");
    const clinic = await clinicOf(tx, clinicId);
    // Wide enough for any zone offset; the calendar places each item by its instant.
    const windowStart = new Date(Date.parse(`${input.from}T00:00:00Z`) - DAY_MS);
    const windowEnd = new Date(Date.parse(`${input.to}T00:00:00Z`) + 2 * DAY_MS);
    const chosen = input.practitionerIds;
    const people = await tx
      .select({ id: practitioners.id, displayName: practitioners.displayName, colour: practitioners.colour, active: practitioners.active })
      .from(practitioners)
      .where(and(eq(practitioners.clinicId, clinicId), chosen ? inArray(practitioners.id, chosen) : undefined))
      .orderBy(asc(practitioners.displayName));
    const ids = people.map((p) => p.id);
    if (ids.length === 0) return { timezone: clinic.timezone, locale: clinic.locale, practitioners: [], appointments: [] };
    const hours = await tx
      .select()
      .from(workingHours)
      .where(and(eq(workingHours.clinicId, clinicId), inArray(workingHours.practitionerId, ids)))
      .orderBy(asc(workingHours.weekday), asc(workingHours.startTime));
    const exceptions = await tx
      .select()
      .from(scheduleExceptions)
      .where(
        and(
          eq(scheduleExceptions.clinicId, clinicId),
          inArray(scheduleExceptions.practitionerId, ids),
          gt(scheduleExceptions.endsAt, windowStart),
          lt(scheduleExceptions.startsAt, windowEnd),
        ),
      );
    const booked = await appointmentsInWindow(tx, clinicId, ids, windowStart, windowEnd);
    return {
      timezone: clinic.timezone,
      locale: clinic.locale,
      practitioners: people.map((p) => ({
        ...p,
        workingHours: hours
          .filter((h) => h.practitionerId === p.id)
          .map((h) => ({ weekday: h.weekday, start: h.startTime.slice(0, 5), end: h.endTime.slice(0, 5) })),
        exceptions: exceptions
          .filter((e) => e.practitionerId === p.id)
          .map((e) => ({ id: e.id, kind: e.kind, start: e.startsAt.toISOString(), end: e.endsAt.toISOString(), reason: e.reason })),
      })),
      appointments: booked.map(({ appointment: a, serviceName, patientName }) => ({
        id: a.id,
        practitionerId: a.practitionerId,
        serviceId: a.serviceId,
        serviceName,
        patientId: a.patientId,
        patientName,
        start: a.startsAt.toISOString(),
        end: a.endsAt.toISOString(),
        status: a.status,
        source: a.source,
        version: a.version,
      })),
    };
  });
