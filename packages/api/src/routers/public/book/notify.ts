// public.book, step 5, notify: the confirmation e-mail with the manage link and an .ics, sent
// after the transaction committed.
import type { BookedAppointment } from "@frontdesk/domain";
import type { Context } from "../../../context";
import { confirmationMail } from "../../../mail/confirmation";
import type { Clinic } from "../scope";

/** Sends the confirmation; the booking stands even if the e-mail fails (logged without patient data). */
export async function sendConfirmation(ctx: Context, clinic: Clinic, to: string, booking: BookedAppointment, now: Date): Promise<void> {
  // The booking stands even if the e-mail fails: the page shows the same link.
  await ctx.deps.mailer
    // The very answer the booking page builds its download from.
    .send(confirmationMail({ to, booking, clinic, now }))
    .catch((error: unknown) =>
      ctx.deps.logger.error({ requestId: ctx.requestId, kind: error instanceof Error ? error.name : "unknown" }, "confirmation mail failed"),
    );
}
