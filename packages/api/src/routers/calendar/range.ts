import { calendarRangeInput, calendarRangeView, instantAt } from "@frontdesk/domain";
import type { Transaction } from "@frontdesk/db";
import { appointments, clinics, patients, practitioners, scheduleExceptions, services, workingHours } from "@frontdesk/db/schema";
import { and, asc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import { NotFoundError, RuleError } from "../../errors";
import { procedure } from "../../trpc";

const DAY_MS = 24 * 60 * 60_000;

/**
 * The practitioners' appointments that overlap [windowStart, windowEnd), with service and patient
 * names: only the columns the calendar shows (mapping a whole row, five more instants among them,
 * was most of a week's server time). The index is on starts_at: bounded below too (an appointment
 * lasts at most a day, appointments_at_most_a_day), it reads the window's entries, not the
 * practitioners' whole history.
 */
export function appointmentsInWindow(tx: Transaction, clinicId: string, practitionerIds: string[], windowStart: Date, windowEnd: Date) {
  return tx
    .select({
      id: appointments.id,
      practitionerId: appointments.practitionerId,
      serviceId: appointments.serviceId,
      serviceName: services.name,
      patientId: appointments.patientId,
      patientName: patients.fullName,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      source: appointments.source,
      version: appointments.version,
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
 * Two round trips: what needs no dates (the clinic, its practitioners and their weekly hours), then
 * what lies between the first local midnight and the last one in the clinic's zone.
 */
export const range = procedure("calendar.range")
    .meta({ openapi: { method: "GET", path: "/calendar", tags: ["Calendar"], protect: true, summary: "The calendar between two local dates: practitioners' hours, time off and appointments" } })
    .output(calendarRangeView)
  .input(calendarRangeInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    if (input.to < input.from) throw new RuleError("`to` must not be before `from`", "INVALID_RANGE");
    if (Date.parse(input.to) - Date.parse(input.from) > 42 * DAY_MS) throw new RuleError("Ask for at most 6 weeks at a time", "INVALID_RANGE");
    const chosen = input.practitionerIds;
    // Sent together: postgres.js pipelines a transaction's queries in the order they are issued.
    const [[clinic], people, hours] = await Promise.all([
      tx.select({ timezone: clinics.timezone, locale: clinics.locale }).from(clinics).where(eq(clinics.id, clinicId)),
      tx
        .select({ id: practitioners.id, displayName: practitioners.displayName, colour: practitioners.colour, active: practitioners.active })
        .from(practitioners)
        .where(and(eq(practitioners.clinicId, clinicId), chosen ? inArray(practitioners.id, chosen) : undefined))
        .orderBy(asc(practitioners.displayName)),
      // Every hours row belongs to a practitioner of the clinic (composite foreign key): the
      // clinic's rows, or the chosen ones', are the practitioners' below.
      tx
        .select({ practitionerId: workingHours.practitionerId, weekday: workingHours.weekday, startTime: workingHours.startTime, endTime: workingHours.endTime })
        .from(workingHours)
        .where(and(eq(workingHours.clinicId, clinicId), chosen ? inArray(workingHours.practitionerId, chosen) : undefined))
        .orderBy(asc(workingHours.weekday), asc(workingHours.startTime)),
    ]);
    if (!clinic) throw new NotFoundError("Clinic");
    const ids = people.map((p) => p.id);
    if (ids.length === 0) return { timezone: clinic.timezone, locale: clinic.locale, practitioners: [], appointments: [] };
    // The asked local days in the clinic's zone, from the first midnight to the midnight after the last.
    const windowStart = new Date(instantAt(input.from, 0, clinic.timezone));
    const windowEnd = new Date(instantAt(input.to, 1440, clinic.timezone));
    const [exceptions, booked] = await Promise.all([
      tx
        .select({ id: scheduleExceptions.id, practitionerId: scheduleExceptions.practitionerId, kind: scheduleExceptions.kind, startsAt: scheduleExceptions.startsAt, endsAt: scheduleExceptions.endsAt, reason: scheduleExceptions.reason })
        .from(scheduleExceptions)
        .where(
          and(
            eq(scheduleExceptions.clinicId, clinicId),
            inArray(scheduleExceptions.practitionerId, ids),
            gt(scheduleExceptions.endsAt, windowStart),
            lt(scheduleExceptions.startsAt, windowEnd),
          ),
        ),
      appointmentsInWindow(tx, clinicId, ids, windowStart, windowEnd),
    ]);
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
      appointments: booked.map((a) => ({
        id: a.id,
        practitionerId: a.practitionerId,
        serviceId: a.serviceId,
        serviceName: a.serviceName,
        patientId: a.patientId,
        patientName: a.patientName,
        start: a.startsAt.toISOString(),
        end: a.endsAt.toISOString(),
        status: a.status,
        source: a.source,
        version: a.version,
      })),
    };
  });
