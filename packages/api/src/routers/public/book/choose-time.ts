// public.book, step 2, choose the time: the engine has the first word (rules, hours, time off,
// known appointments); "first available" goes to the least-booked practitioner that day.
import { BLOCKING_STATUSES, localDateOf } from "@frontdesk/domain";
import type { Transaction } from "@frontdesk/db";
import { appointments, type services } from "@frontdesk/db/schema";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { findSlots, slotAt, type ClinicRules } from "../../../booking/availability";
import { ConflictError, NotFoundError } from "../../../errors";
import { candidatesFrom, publicSlot, type Offering } from "../offering";

type Service = typeof services.$inferSelect;

/** The least-booked of `candidates` on the local day of `start` (ties: the first, by name). */
export async function leastBooked(tx: Transaction, clinic: ClinicRules, candidates: string[], start: Date): Promise<string> {
  if (candidates.length === 1) return candidates[0]!;
  const date = localDateOf(start, clinic.timezone);
  const around = await tx
    .select({ practitionerId: appointments.practitionerId, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinic.id),
        inArray(appointments.practitionerId, candidates),
        inArray(appointments.status, [...BLOCKING_STATUSES]),
        gt(appointments.startsAt, new Date(start.getTime() - 36 * 60 * 60_000)),
        sql`${appointments.startsAt} < ${new Date(start.getTime() + 36 * 60 * 60_000).toISOString()}::timestamptz`,
      ),
    );
  const counts = new Map(candidates.map((c) => [c, 0]));
  for (const row of around) if (localDateOf(row.startsAt, clinic.timezone) === date) counts.set(row.practitionerId, (counts.get(row.practitionerId) ?? 0) + 1);
  return [...candidates].sort((x, y) => counts.get(x)! - counts.get(y)!)[0]!;
}

export interface TimeChoice {
  clinic: ClinicRules;
  /** The service if it is bookable online (NotFound otherwise). */
  service: Service | undefined;
  offering: Offering;
  /** The practitioner the patient asked for; undefined for "first available". */
  practitionerId: string | undefined;
  start: Date;
  now: Date;
}

/**
 * The service and the practitioner for a booking at `start`, or CONFLICT with that day's free
 * times when the engine does not offer it.
 */
export async function chooseTime(tx: Transaction, { clinic, service, offering, practitionerId: asked, start, now }: TimeChoice) {
  if (!service) throw new NotFoundError("Service");
  const candidates = candidatesFrom(offering, asked);
  const date = localDateOf(start, clinic.timezone);
  const days = await findSlots(tx, { clinic, service, practitionerIds: candidates, from: date, to: date, now });
  const slot = slotAt(days, start);
  if (!slot) {
    const free = days[0]?.slots ?? [];
    const later = free.filter((s) => Date.parse(s.start) > start.getTime());
    throw new ConflictError("Sorry, that time is not available. Here are the free times that day.", {
      reason: "SLOT_UNAVAILABLE",
      details: { nextSlots: (later.length > 0 ? later : free).slice(0, 6).map(publicSlot) },
    });
  }
  const practitionerId = await leastBooked(tx, clinic, slot.practitionerIds, start);
  return { service, practitionerId };
}
