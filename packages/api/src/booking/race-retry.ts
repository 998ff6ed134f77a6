// Two people taking one time is a race the exclusion constraint decides (23P01). Under
// contention PostgreSQL may instead abort a contender with a deadlock (40P01) or a serialization
// failure (40001), or it waited too long for a lock (55P03, our lock_timeout): the same lost
// race, reported differently. Those are retried a few times with jitter, and the constraint
// decides again; after that the caller answers CONFLICT. ADR 0019.
import { fixedStatement, postgresErrorCode, type Transaction } from "@frontdesk/db";

const RETRIED = new Set(["40P01", "40001", "55P03"]);

/** Attempts in all (the first included), and the jittered pause between two. */
const ATTEMPTS = 3;
const PAUSE_MS = { min: 10, max: 60 };

/** How long a booking waits for a lock before it counts as a lost race (no request waits behind a race for long). */
export const BOOKING_LOCK_TIMEOUT_MS = 1_000;

/** Still losing after every attempt: the caller answers CONFLICT (errors.ts maps it if it does not). */
export class RaceLostError extends Error {
  override name = "RaceLostError";
  constructor(readonly sqlstate: string) {
    super("That time was just taken. Please choose another time.");
  }
}

export const isRetriedRace = (error: unknown) => RETRIED.has(postgresErrorCode(error) ?? "");

/** Runs `transaction` (a whole transaction, opened by it) again when it lost a race in one of the ways above. */
export async function withRaceRetry<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isRetriedRace(error)) throw error;
      if (attempt >= ATTEMPTS) throw new RaceLostError(postgresErrorCode(error)!);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS.min + Math.random() * (PAUSE_MS.max - PAUSE_MS.min)));
    }
  }
}

/**
 * Before writing an appointment: a transaction-scoped advisory lock on the practitioner and the
 * start time, so that everyone taking that time reaches the exclusion constraint one at a time.
 * Contenders then meet a committed row (23P01 at once) or a free time, instead of all waiting on
 * one uncommitted insert and deadlocking when it rolls back. The constraint still decides; the
 * lock only orders. Overlapping bookings with different starts are not ordered (rarer; retried).
 * `lock_timeout` bounds every lock wait for the rest of the transaction.
 *
 * One statement, so that when it fails it is the first failure the caller sees (the writes
 * issued after it then fail with 25P02). Issued, not awaited: statements run in issue order.
 */
export function lockAppointmentSlot(tx: Transaction, appointment: { clinicId: string; practitionerId: string; startsAt: Date }): Promise<unknown> {
  const key = `${appointment.clinicId}:${appointment.practitionerId}:${appointment.startsAt.toISOString()}`;
  return lockSlot(tx, [`${BOOKING_LOCK_TIMEOUT_MS}ms`, key]);
}

const lockSlot = fixedStatement("select set_config('lock_timeout', $1, true), pg_advisory_xact_lock(hashtextextended($2, 0))");
