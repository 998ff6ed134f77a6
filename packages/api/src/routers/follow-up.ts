// appointments.followUp: "book a follow-up in N weeks" from an appointment. The same patient,
// service and practitioner, at the same local time N weeks later (or at the time staff picked
// from the alternatives); checked like a series' occurrence before it is written.
import { followUpInput, instantAt, wallClockOf, weeksLater, appointmentView } from "@frontdesk/domain";
import { loadAppointment, presentAppointment } from "../booking/appointments";
import { clinicOf } from "../booking/clinic";
import { checkOccurrences } from "../booking/occurrences";
import { insertStaffAppointment, serviceOf } from "../booking/staff-booking";
import { ConflictError } from "../errors";
import { procedure } from "../trpc";
import { offeringPractitioners } from "./public/offering";

export const followUp = procedure("appointments.followUp")
  .meta({ openapi: { method: "POST", path: "/appointments/{id}/follow-up", tags: ["Appointments"], protect: true, summary: "Book the same patient, service and practitioner N weeks later" } })
  .input(followUpInput)
  .output(appointmentView)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const { appointment: previous } = await loadAppointment(staff.tx, staff.clinicId, input.id);
    const clinic = await clinicOf(staff.tx, staff.clinicId);
    const service = await serviceOf(staff, previous.serviceId);
    const at = wallClockOf(previous.startsAt, clinic.timezone);
    const start = new Date(input.start ?? instantAt(weeksLater(at.date, input.weeks), at.minutes, clinic.timezone));
    const offering = (await offeringPractitioners(staff.tx, staff.clinicId, service.id)).map((p) => p.id);
    const [checked] = await checkOccurrences(staff.tx, {
      clinic,
      service,
      occurrences: [{ index: 0, start, practitionerId: previous.practitionerId }],
      offering,
      now: ctx.deps.clock.now(),
    });
    if (checked!.status !== "free") {
      throw new ConflictError(
        checked!.status === "taken" ? "That time is taken: pick one of the free times that day" : "That time is outside the practitioner's hours: pick one of the free times that day",
        { reason: checked!.status === "taken" ? "SLOT_TAKEN" : "SLOT_UNAVAILABLE", details: { nextSlots: checked!.alternatives, start: checked!.start } },
      );
    }
    const appointment = await insertStaffAppointment(staff, ctx.requestId, {
      practitionerId: previous.practitionerId,
      service,
      patientId: previous.patientId,
      start,
      notifyPatient: input.notify ?? true,
    });
    const row = await loadAppointment(staff.tx, staff.clinicId, appointment.id);
    return presentAppointment(row.appointment, row);
  });
