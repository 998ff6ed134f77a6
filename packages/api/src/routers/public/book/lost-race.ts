// public.book, step 4, recover from a lost race: the booking's transaction failed because another
// request got there first. If that request had the same idempotency key it answers for us;
// otherwise the time is taken and the patient gets the next free times.
import { PG, postgresErrorCode } from "@frontdesk/db";
import { RaceLostError } from "../../../booking/race-retry";
import type { Context } from "../../../context";
import { ConflictError, isSlotTaken } from "../../../errors";
import { nextFreeSlots, TAKEN } from "../offering";
import { asPublic, type Clinic } from "../scope";
import { replay, type BookInput } from "./replay";

/** The winning request's answer when it had our key; otherwise rethrows `error` (or CONFLICT with other times). */
export async function recoverFromLostRace(ctx: Context, clinic: Clinic, input: BookInput, start: Date, error: unknown) {
  const code = postgresErrorCode(error);
  const lostRace = isSlotTaken(error) || code === PG.uniqueViolation || error instanceof ConflictError || error instanceof RaceLostError;
  if (!lostRace) throw error;
  // A concurrent request with the same key may have won (double click, retry): whether it
  // committed before our insert or before our slot check, answer with its appointment.
  const again = await asPublic(ctx, clinic.id, (tx) => replay(ctx, tx, clinic, input));
  if (again) return again;
  if (error instanceof ConflictError || code === PG.uniqueViolation) throw error;
  throw new ConflictError(TAKEN, { reason: "SLOT_TAKEN", details: { nextSlots: await nextFreeSlots(ctx, clinic, input.serviceId, input.practitionerId, start) } });
}
