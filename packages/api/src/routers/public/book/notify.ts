// public.book, step 5, notify: the confirmation e-mail with the manage link and an .ics, sent
// after the transaction committed.
import type { Context } from "../../../context";
import { confirmationMail } from "../../../mail/confirmation";
import type { Clinic } from "../scope";
import type { WrittenBooking } from "./write";

/** Sends the confirmation; the booking stands even if the e-mail fails (logged without patient data). */
export async function sendConfirmation(ctx: Context, clinic: Clinic, to: string, mail: WrittenBooking["mail"], now: Date): Promise<void> {
  const { appointment, names, link } = mail;
  // The booking stands even if the e-mail fails: the page shows the same link.
  await ctx.deps.mailer
    .send(
      confirmationMail({
        to,
        appointmentId: appointment.id,
        start: appointment.startsAt,
        end: appointment.endsAt,
        clinic,
        serviceName: names.serviceName,
        practitionerName: names.practitionerName,
        manageUrl: link.manageUrl,
        now,
      }),
    )
    .catch((error: unknown) =>
      ctx.deps.logger.error({ requestId: ctx.requestId, kind: error instanceof Error ? error.name : "unknown" }, "confirmation mail failed"),
    );
}
