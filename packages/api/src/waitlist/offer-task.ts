// The waitlist's jobs (ADR 0035), run by the worker in the clinic's "system" scope:
//   waitlist.freed: an appointment was cancelled or moved away; its old time is offered.
//   waitlist.hours (new-hours.ts): new working hours or removed time off; the new times are offered.
//   waitlist.offer: one freed time (practitioner + start) moves one step: offers past their expiry
//     expire, a claimed or vanished time tells the other offered patients it is gone, and if no
//     offer is open the next matching patients (one, or all at once, per the clinic) are offered it.
// waitlist.offer is keyed by the time, so the claim, the expiry and a second freeing all land on
// the same one pending job; it runs again safely (every offer and message is unique per time).
import { withTenant, type Transaction } from "@frontdesk/db";
import { appointments, clinics, patients, practitionerServices, practitioners, services, waitlistEntries, waitlistOffers } from "@frontdesk/db/schema";
import { localDateOf, partOfDay } from "@frontdesk/domain";
import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { findSlots, slotAt } from "../booking/availability";
import { enqueueJob } from "../jobs/queue";
import { defineTask, type WorkerDeps } from "../jobs/task";
import { queueMessage } from "../notifications/plan-messages";

import { waitlistEnabled } from "./enabled";
import { WAITLIST_FREED_TASK, WAITLIST_OFFER_TASK } from "./task-names";

/** The one pending job of a freed time: claims, expiries and a second freeing replace it. */
export const offerJobKey = (practitionerId: string, start: Date) => `waitlist:${practitionerId}:${start.toISOString()}`;

/** Asks the worker to move the freed time on; in the caller's transaction (a rollback asks nothing). */
export function enqueueOfferStep(tx: Transaction, time: { practitionerId: string; start: Date }, delayMs = 0): Promise<void> {
  return enqueueJob(tx, {
    task: WAITLIST_OFFER_TASK,
    payload: { practitionerId: time.practitionerId, start: time.start.toISOString() },
    delayMs,
    key: offerJobKey(time.practitionerId, time.start),
  });
}

type Clinic = typeof clinics.$inferSelect;
type Service = typeof services.$inferSelect;

/** Whether the engine still offers `start` with this practitioner for the service (the claim asks the same). */
async function stillFree(tx: Transaction, clinic: Clinic, service: Service, practitionerId: string, start: Date, now: Date): Promise<boolean> {
  const date = localDateOf(start, clinic.timezone);
  const days = await findSlots(tx, { clinic, service, practitionerIds: [practitionerId], from: date, to: date, now });
  return slotAt(days, start) !== undefined;
}

/** Tells the patients of these offers that the time is gone, and closes the offers. */
async function closeAsGone(tx: Transaction, clinicId: string, offers: Array<{ id: string; patientId: string; email: string | null }>, now: Date) {
  if (offers.length === 0) return;
  await tx
    .update(waitlistOffers)
    .set({ outcome: "gone", decidedAt: now, updatedAt: now })
    .where(and(eq(waitlistOffers.clinicId, clinicId), inArray(waitlistOffers.id, offers.map((o) => o.id)), eq(waitlistOffers.outcome, "pending")));
  for (const offer of offers) {
    if (!offer.email) continue;
    await queueMessage(
      tx,
      {
        clinicId,
        appointmentId: null,
        patientId: offer.patientId,
        kind: "waitlist_gone",
        channel: "email",
        recipient: offer.email,
        idempotencyKey: `waitlist_gone:${offer.id}`,
        sendAt: now,
        context: { offerId: offer.id },
      },
      now,
    );
  }
}

/**
 * One step of a freed time (see the top of the file). `passOver`: entries not to offer this time
 * to, because the caller offered them another one just now (new hours free many times at once).
 */
export async function stepFreedTime(
  tx: Transaction,
  deps: WorkerDeps,
  clinicId: string,
  practitionerId: string,
  start: Date,
  passOver: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const now = deps.clock.now();
  const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic) return [];
  const at = and(eq(waitlistOffers.clinicId, clinicId), eq(waitlistOffers.practitionerId, practitionerId), eq(waitlistOffers.startsAt, start));

  // Offers nobody took in time.
  await tx
    .update(waitlistOffers)
    .set({ outcome: "expired", decidedAt: now, updatedAt: now })
    .where(and(at, eq(waitlistOffers.outcome, "pending"), lte(waitlistOffers.expiresAt, now)));

  const offers = await tx
    .select({ id: waitlistOffers.id, outcome: waitlistOffers.outcome, expiresAt: waitlistOffers.expiresAt, entryId: waitlistOffers.entryId, patientId: waitlistEntries.patientId, email: patients.email, service: services })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, and(eq(waitlistEntries.clinicId, waitlistOffers.clinicId), eq(waitlistEntries.id, waitlistOffers.entryId)))
    .innerJoin(patients, and(eq(patients.clinicId, waitlistEntries.clinicId), eq(patients.id, waitlistEntries.patientId)))
    .innerJoin(services, and(eq(services.clinicId, waitlistEntries.clinicId), eq(services.id, waitlistEntries.serviceId)))
    .where(at)
    .for("update", { of: waitlistOffers });
  const pending = offers.filter((o) => o.outcome === "pending");

  // Claimed by one of them: the others hear it is gone, and the time's story ends here.
  if (offers.some((o) => o.outcome === "claimed")) {
    await closeAsGone(tx, clinicId, pending, now);
    return [];
  }

  // Taken some other way (staff booked it, a patient booked online), or closed: same for the open offers.
  const open: typeof pending = [];
  const gone: typeof pending = [];
  for (const offer of pending) ((await stillFree(tx, clinic, offer.service, practitionerId, start, now)) ? open : gone).push(offer);
  await closeAsGone(tx, clinicId, gone, now);
  if (open.length > 0) {
    // Come back when the first open offer runs out.
    const next = Math.min(...open.map((o) => o.expiresAt.getTime()));
    await enqueueOfferStep(tx, { practitionerId, start }, next - now.getTime());
    return [];
  }

  const offeredEntries = new Set(offers.map((o) => o.entryId));
  const candidates = (await waitingFor(tx, clinic, practitionerId)).filter((c) => suits(c, start, clinic.timezone) && !offeredEntries.has(c.entryId) && !passOver.has(c.entryId));
  const chosen: typeof candidates = [];
  const freeFor = new Map<string, boolean>();
  for (const candidate of candidates) {
    if (!freeFor.has(candidate.service.id)) freeFor.set(candidate.service.id, await stillFree(tx, clinic, candidate.service, practitionerId, start, now));
    if (!freeFor.get(candidate.service.id)) continue;
    chosen.push(candidate);
    if (clinic.waitlistOfferMode === "in_order") break;
  }
  if (chosen.length === 0) return [];

  const expiresAt = new Date(now.getTime() + clinic.waitlistOfferMinutes * 60_000);
  const created = await tx
    .insert(waitlistOffers)
    .values(chosen.map((c) => ({ clinicId, entryId: c.entryId, practitionerId, startsAt: start, expiresAt })))
    .onConflictDoNothing()
    .returning({ id: waitlistOffers.id, entryId: waitlistOffers.entryId });
  for (const offer of created) {
    const candidate = chosen.find((c) => c.entryId === offer.entryId)!;
    await queueMessage(
      tx,
      {
        clinicId,
        appointmentId: null,
        patientId: candidate.patientId,
        kind: "waitlist_offer",
        channel: "email",
        recipient: candidate.email,
        idempotencyKey: `waitlist_offer:${offer.id}`,
        sendAt: now,
        context: { offerId: offer.id },
      },
      now,
    );
  }
  deps.logger.info({ component: "waitlist", clinicId, offers: created.length }, "waitlist time offered");
  await enqueueOfferStep(tx, { practitionerId, start }, expiresAt.getTime() - now.getTime());
  return created.map((o) => o.entryId);
}

/** Whether a waiting entry wants a time at `start`: its local date in range, its part of the day one it chose. */
export function suits(entry: { fromDate: string; toDate: string; timesOfDay: string[] }, start: Date, timeZone: string): boolean {
  const date = localDateOf(start, timeZone);
  if (date < entry.fromDate || date > entry.toDate) return false;
  return entry.timesOfDay.length === 0 || entry.timesOfDay.includes(partOfDay(start.toISOString(), timeZone));
}

/**
 * Waiting entries that a time of this practitioner may suit, in their order: the practitioner
 * offers their service and the entry wants this practitioner or any (`suits` then checks the
 * date and the part of the day). Patients without an e-mail cannot be sent an offer and are left
 * for staff to call.
 */
export async function waitingFor(tx: Transaction, clinic: Clinic, practitionerId: string) {
  const rows = await tx
    .select({
      entryId: waitlistEntries.id,
      patientId: waitlistEntries.patientId,
      fromDate: waitlistEntries.fromDate,
      toDate: waitlistEntries.toDate,
      timesOfDay: waitlistEntries.timesOfDay,
      email: patients.email,
      service: services,
    })
    .from(waitlistEntries)
    .innerJoin(patients, and(eq(patients.clinicId, waitlistEntries.clinicId), eq(patients.id, waitlistEntries.patientId)))
    .innerJoin(services, and(eq(services.clinicId, waitlistEntries.clinicId), eq(services.id, waitlistEntries.serviceId)))
    .innerJoin(
      practitionerServices,
      and(eq(practitionerServices.clinicId, waitlistEntries.clinicId), eq(practitionerServices.serviceId, waitlistEntries.serviceId), eq(practitionerServices.practitionerId, practitionerId)),
    )
    .innerJoin(practitioners, and(eq(practitioners.clinicId, practitionerServices.clinicId), eq(practitioners.id, practitionerServices.practitionerId), eq(practitioners.active, true)))
    .where(
      and(
        eq(waitlistEntries.clinicId, clinic.id),
        eq(waitlistEntries.status, "waiting"),
        or(isNull(waitlistEntries.practitionerId), eq(waitlistEntries.practitionerId, practitionerId)),
        isNull(patients.archivedAt),
        eq(services.active, true),
      ),
    )
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
  return rows.flatMap((r) => (r.email ? [{ ...r, email: r.email }] : []));
}

/** The time an appointment change freed: where a cancelled one was, or where a moved one was before. */
async function freedTime(tx: Transaction, clinicId: string, job: z.infer<typeof freedPayload>) {
  const [row] = await tx
    .select({ practitionerId: appointments.practitionerId, startsAt: appointments.startsAt, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, job.appointmentId)));
  if (!row) return undefined;
  if (job.event === "cancelled") return row.status === "cancelled" ? { practitionerId: row.practitionerId, start: row.startsAt } : undefined;
  if (!job.previousStart) return undefined;
  return { practitionerId: job.previousPractitionerId ?? row.practitionerId, start: new Date(job.previousStart) };
}

const freedPayload = z.object({
  clinicId: z.uuid(),
  appointmentId: z.uuid(),
  event: z.enum(["cancelled", "rescheduled"]),
  previousStart: z.iso.datetime().nullable(),
  previousPractitionerId: z.uuid().nullable(),
});

export const waitlistFreedTask = defineTask({
  name: WAITLIST_FREED_TASK,
  payload: freedPayload,
  run: (job, deps) =>
    withTenant(deps.db, { clinicId: job.clinicId, userId: null, role: "system" }, async (tx) => {
      if (!(await waitlistEnabled(tx, job.clinicId))) return;
      const time = await freedTime(tx, job.clinicId, job);
      // A time already past is no use to anyone.
      if (time && time.start > deps.clock.now()) await stepFreedTime(tx, deps, job.clinicId, time.practitionerId, time.start);
    }),
});

export const waitlistOfferTask = defineTask({
  name: WAITLIST_OFFER_TASK,
  payload: z.object({ clinicId: z.uuid(), practitionerId: z.uuid(), start: z.iso.datetime() }),
  run: (job, deps) =>
    withTenant(deps.db, { clinicId: job.clinicId, userId: null, role: "system" }, async (tx) => {
      await stepFreedTime(tx, deps, job.clinicId, job.practitionerId, new Date(job.start));
    }),
});
