// public.book: a patient books a free time on the clinic's page. The steps, in order:
//   1. replay (book/replay.ts): the same idempotency key answers the appointment booked before;
//   2. choose the time (book/choose-time.ts): the engine must offer it; who takes it;
//   3. write (book/write.ts): patient, appointment, manage link, notifications (enqueued for the
//      job worker: the confirmation e-mail is no longer sent in the request), event and audit;
//   4. recover from a lost race (book/lost-race.ts): another request took the time first.
import { bookingView } from "@frontdesk/domain";
import { bookInput } from "@frontdesk/domain";
import type { Transaction } from "@frontdesk/db";
import { withRaceRetry } from "../../booking/race-retry";
import { enforceLimits } from "../../rate-limit/rate-limit";
import { bookLimits } from "../../rate-limit/public-limits";
import { procedure } from "../../trpc";
import { chooseTime } from "./book/choose-time";
import { recoverFromLostRace } from "./book/lost-race";
import { previousBookingId, replayOf, type BookInput } from "./book/replay";
import { patientIdByEmail, writeBooking } from "./book/write";
import { offeringPractitioners, serviceIfBookable } from "./offering";
import { flagsOfClinic, requireFlag } from "../../flags/read";
import { asPublic, clinicBySlug } from "./scope";

/**
 * Everything the booking reads before deciding, sent together: one round trip (postgres.js
 * pipelines the queries of one connection).
 */
function readBeforeDeciding(tx: Transaction, clinicId: string, input: BookInput) {
  return Promise.all([
    previousBookingId(tx, clinicId, input.idempotencyKey),
    serviceIfBookable(tx, clinicId, input.serviceId),
    offeringPractitioners(tx, clinicId, input.serviceId),
    // Looked up whether or not it is needed: the same path for patients and strangers.
    patientIdByEmail(tx, clinicId, input.patient.email),
  ]);
}

export const book = procedure("public.book")
    .meta({ openapi: { method: "POST", path: "/clinics/{clinicSlug}/bookings", tags: ["Booking"], protect: false, summary: "Book a free time as a patient (send the same idempotencyKey again to retry safely)" } })
    .output(bookingView)
  .input(bookInput)
  .mutation(async ({ ctx, input }) => {
    await enforceLimits(ctx, bookLimits(ctx.deps, ctx.ip, input.patient.email));
    const clinic = await clinicBySlug(ctx, input.clinicSlug);
    requireFlag(flagsOfClinic(clinic), "onlineBooking", `${clinic.name} is not taking bookings online at the moment. Please call the clinic.`);
    const start = new Date(input.start);
    const now = ctx.deps.clock.now();

    try {
      return await withRaceRetry(() =>
        asPublic(ctx, clinic.id, async (tx) => {
          const [previousId, service, offering, knownPatientId] = await readBeforeDeciding(tx, clinic.id, input);
          if (previousId !== undefined) return replayOf(ctx, tx, clinic, input, previousId);
          const chosen = await chooseTime(tx, { clinic, service, offering, practitionerId: input.practitionerId, start, now });
          return (await writeBooking(ctx, tx, { clinic, input, start, ...chosen, offering, knownPatientId })).answer;
        }),
      );
    } catch (error) {
      return recoverFromLostRace(ctx, clinic, input, start, error);
    }
  });
