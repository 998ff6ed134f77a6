// myAppointments.list: the signed-in patient's appointments at the clinic, upcoming (soonest
// first) and past (latest first), each saying whether it may still change online, and the
// details "book again" fills in.
import { isOpen, myAppointmentsInput, myAppointmentsView } from "@frontdesk/domain";
import { appointments, practitioners, services } from "@frontdesk/db/schema";
import { and, asc, eq, inArray } from "drizzle-orm";
import { presentAppointment } from "../../booking/appointments";
import { procedure } from "../../trpc";
import { changeWindow } from "../public/manage-link";
import { asPublic } from "../public/scope";
import { accountRecords, patientAccount } from "./account";

const PAST_SHOWN = 50;

export const list = procedure("myAppointments.list")
  .input(myAppointmentsInput)
  .output(myAppointmentsView)
  .query(async ({ ctx, input }) => {
    const { clinic, userId } = await patientAccount(ctx, input.clinicSlug);
    const now = ctx.deps.clock.now();
    return asPublic(
      ctx,
      clinic.id,
      async (tx) => {
        const records = await accountRecords(tx);
        const rows =
          records.length === 0
            ? []
            : await tx
                .select({ appointment: appointments, serviceName: services.name, practitionerName: practitioners.displayName })
                .from(appointments)
                .innerJoin(services, and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)))
                .innerJoin(practitioners, and(eq(practitioners.clinicId, appointments.clinicId), eq(practitioners.id, appointments.practitionerId)))
                .where(and(eq(appointments.clinicId, clinic.id), inArray(appointments.patientId, records.map((record) => record.id))))
                .orderBy(asc(appointments.startsAt));
        const shown = rows.map((row) => {
          const { changeableUntil, inWindow } = changeWindow(clinic, row.appointment.startsAt, now);
          return { ...presentAppointment(row.appointment, row), canChange: inWindow && isOpen(row.appointment.status), changeableUntil: changeableUntil.toISOString() };
        });
        const newest = records[0];
        return {
          patient: newest ? { fullName: newest.full_name, email: newest.email ?? "", phone: newest.phone } : null,
          upcoming: shown.filter((item) => new Date(item.start) >= now),
          past: shown.filter((item) => new Date(item.start) < now).reverse().slice(0, PAST_SHOWN),
        };
      },
      userId,
    );
  });
