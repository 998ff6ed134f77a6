// myAppointments.cancel / reschedule: the manage link's rules (public/patient-changes.ts) on one
// of the signed-in patient's own appointments; another's answers NotFound like an unknown id.
import { myAppointmentCancelInput, myAppointmentMoveInput } from "@frontdesk/domain";
import { procedure } from "../../trpc";
import { cancelAsPatient, moveAsPatient } from "../public/patient-changes";
import { accountAppointment, patientAccount } from "./account";

export const cancel = procedure("myAppointments.cancel")
  .input(myAppointmentCancelInput)
  .mutation(async ({ ctx, input }) => cancelAsPatient(ctx, accountAppointment(await patientAccount(ctx, input.clinicSlug), input.appointmentId), input.reason));

export const reschedule = procedure("myAppointments.reschedule")
  .input(myAppointmentMoveInput)
  .mutation(async ({ ctx, input }) => moveAsPatient(ctx, accountAppointment(await patientAccount(ctx, input.clinicSlug), input.appointmentId), input));
