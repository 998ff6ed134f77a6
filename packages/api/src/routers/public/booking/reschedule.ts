// public.booking.reschedule: the patient moves the appointment with the manage link to another
// free time of the same service, before the cancellation notice.
import { bookingRescheduleInput } from "@frontdesk/domain";
import { manageLimit } from "../../../rate-limit/public-limits";
import { procedure } from "../../../trpc";
import { fromLink, linkedAppointment } from "../manage-link";
import { moveAsPatient } from "../patient-changes";

export const reschedule = procedure("public.booking.reschedule")
  .input(bookingRescheduleInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    const find = (tx: Parameters<typeof linkedAppointment>[1]) => linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
    return moveAsPatient(ctx, { clinic, actor: { kind: "patient_link", userId: null }, find }, input);
  });
