// public.booking.cancel: the patient cancels with the manage link, before the cancellation notice; the patient gets a cancellation notice (METHOD:CANCEL).
import { bookingCancelInput } from "@frontdesk/domain";
import { manageLimit } from "../../../rate-limit/public-limits";
import { procedure } from "../../../trpc";
import { fromLink, linkedAppointment } from "../manage-link";
import { cancelAsPatient } from "../patient-changes";

export const cancel = procedure("public.booking.cancel")
  .input(bookingCancelInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    const find = (tx: Parameters<typeof linkedAppointment>[1]) => linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
    return cancelAsPatient(ctx, { clinic, actor: { kind: "patient_link", userId: null }, find }, input.reason);
  });
