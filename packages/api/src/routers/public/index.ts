// What anyone may do on a clinic's public page: see it, find a time, book, and manage a booking
// with the link from the confirmation e-mail. Patient rows are written here but never read back out.
import type { TRPCRouterRecord } from "@trpc/server";
import { book } from "./book";
import { cancel } from "./booking/cancel";
import { confirm } from "./booking/confirm";
import { get } from "./booking/get";
import { answerIntake, intake } from "./booking/intake";
import { reschedule } from "./booking/reschedule";
import { clinic } from "./clinic";
import { intakeForm } from "./intake-form";
import { optOut } from "./opt-out";
import { slots } from "./slots";
import { waitlistPublicRouter } from "./waitlist";

export const publicRouter = {
  clinic,
  slots,
  book,
  intakeForm,
  booking: { get, cancel, reschedule, confirm, intake, answerIntake },
  notifications: { optOut },
  waitlist: waitlistPublicRouter,
} satisfies TRPCRouterRecord;
