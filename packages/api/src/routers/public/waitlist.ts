// The waitlist on the public pages (ADR 0035): a patient joins when no time fits, and later takes
// a freed time with the link from the offer message. Joining finds or creates the patient exactly
// as booking does (by e-mail, through booking_patient_id()); a claim books through the booking's
// own steps, so the engine and the exclusion constraint decide who gets a time that several
// patients were offered at once, and everyone else hears OFFER_GONE, never a 500.
import { parseCapabilityToken } from "@frontdesk/auth";
import type { Transaction } from "@frontdesk/db";
import { clinics, patients, services, waitlistEntries, waitlistOffers } from "@frontdesk/db/schema";
import { bookingView, isPatientLanguage, joinWaitlistInput, publicWaitlistOfferView, todayIn, waitlistJoinedView, waitlistOfferInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../audit";
import { RaceLostError, withRaceRetry } from "../../booking/race-retry";
import type { Context } from "../../context";
import { ConflictError, isSlotTaken, NotFoundError, RuleError } from "../../errors";
import { PG, postgresErrorCode } from "@frontdesk/db";
import { enforceLimits } from "../../rate-limit/rate-limit";
import { manageLimit, waitlistJoinLimits } from "../../rate-limit/public-limits";
import { procedure } from "../../trpc";
import { loadOffer } from "../../waitlist/offer-message";
import { enqueueOfferStep } from "../../waitlist/offer-task";
import { requireWaitlist } from "../../waitlist/enabled";
import { emitPatientCreatedWebhook } from "../../webhooks/events";
import { phoneCountryOf, storedPhone } from "../patients/phone";
import { chooseTime } from "./book/choose-time";
import { patientIdByEmail, writeBooking } from "./book/write";
import { candidatesFrom, offeringPractitioners, serviceIfBookable } from "./offering";
import { asPublic, clinicBySlug, type Clinic } from "./scope";

export const GONE = "Sorry, this time has been taken or the offer has expired. You stay on the waitlist: we will write again when another time frees up.";
const gone = () => new ConflictError(GONE, { reason: "OFFER_GONE" });

const join = procedure("public.waitlist.join")
  .meta({ openapi: { method: "POST", path: "/clinics/{clinicSlug}/waitlist", tags: ["Booking"], protect: false, summary: "Join a clinic's waitlist as a patient: freed times that suit are offered by e-mail" } })
  .output(waitlistJoinedView)
  .input(joinWaitlistInput)
  .mutation(async ({ ctx, input }) => {
    await enforceLimits(ctx, waitlistJoinLimits(ctx.deps, ctx.ip, input.patient.email));
    const clinic = await clinicBySlug(ctx, input.clinicSlug);
    requireWaitlist(clinic);
    if (input.toDate < todayIn(clinic.timezone, ctx.deps.clock.now())) throw new RuleError("These dates are over: choose days from today on");
    return asPublic(ctx, clinic.id, async (tx) => {
      const [service, offering, knownPatientId] = await Promise.all([
        serviceIfBookable(tx, clinic.id, input.serviceId),
        offeringPractitioners(tx, clinic.id, input.serviceId),
        patientIdByEmail(tx, clinic.id, input.patient.email),
      ]);
      if (!service) throw new NotFoundError("Service");
      if (input.practitionerId) candidatesFrom(offering, input.practitionerId);
      const patientId = knownPatientId ?? crypto.randomUUID();
      if (!knownPatientId) {
        const p = input.patient;
        await tx.insert(patients).values({ id: patientId, clinicId: clinic.id, fullName: p.name, email: p.email, phone: storedPhone(p.phone ?? null, phoneCountryOf(clinic)), dateOfBirth: p.dateOfBirth ?? null });
        await emitPatientCreatedWebhook(tx, { clinicId: clinic.id, patientId });
      }
      const [entry] = await tx
        .insert(waitlistEntries)
        .values({
          clinicId: clinic.id,
          patientId,
          serviceId: service.id,
          practitionerId: input.practitionerId ?? null,
          fromDate: input.fromDate,
          toDate: input.toDate,
          timesOfDay: input.timesOfDay,
          source: "online",
          language: input.language ?? null,
        })
        .returning({ id: waitlistEntries.id });
      await recordAudit(tx, {
        clinicId: clinic.id,
        actorUserId: null,
        actorKind: "online_booking",
        action: "create",
        entity: "waitlist_entry",
        entityId: entry!.id,
        changes: { serviceId: [null, service.id], fromDate: [null, input.fromDate], toDate: [null, input.toDate] },
        requestId: ctx.requestId,
      });
      return { joined: true as const, fromDate: input.fromDate, toDate: input.toDate };
    });
  });

/** The offer's clinic from its link (the token carries it), or NotFound. */
async function offerLink(ctx: Context, token: string): Promise<{ clinic: Clinic; tokenHash: string }> {
  const parsed = parseCapabilityToken(token);
  if (!parsed) throw new NotFoundError("Offer");
  const [clinic] = await ctx.deps.db.transaction((tx) => tx.select().from(clinics).where(eq(clinics.id, parsed.clinicId)));
  if (!clinic) throw new NotFoundError("Offer");
  return { clinic, tokenHash: parsed.tokenHash };
}

async function offerByToken(tx: Transaction, clinicId: string, tokenHash: string) {
  const [found] = await tx
    .select({ id: waitlistOffers.id })
    .from(waitlistOffers)
    .where(and(eq(waitlistOffers.clinicId, clinicId), eq(waitlistOffers.tokenHash, tokenHash)));
  const row = found ? await loadOffer(tx, clinicId, found.id) : undefined;
  if (!row) throw new NotFoundError("Offer");
  return row;
}

const offer = procedure("public.waitlist.offer")
  .output(publicWaitlistOfferView)
  .input(waitlistOfferInput)
  .query(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await offerLink(ctx, input.token);
    return asPublic(ctx, clinic.id, async (tx) => {
      const row = await offerByToken(tx, clinic.id, tokenHash);
      const expired = row.offer.outcome === "pending" && row.offer.expiresAt <= ctx.deps.clock.now();
      return {
        clinicName: clinic.name,
        timezone: clinic.timezone,
        serviceName: row.service.name,
        practitionerName: row.practitionerName,
        start: row.offer.startsAt.toISOString(),
        end: new Date(row.offer.startsAt.getTime() + row.service.durationMinutes * 60_000).toISOString(),
        expiresAt: row.offer.expiresAt.toISOString(),
        outcome: expired ? ("expired" as const) : row.offer.outcome,
      };
    });
  });

/** The offer was written in the language the patient joined in: the appointment's messages keep it. */
const languageOf = (entry: { language: string | null }) => (isPatientLanguage(entry.language) ? { language: entry.language } : {});

/** The claim's transaction: check the offer, book through the booking's steps, close the offer. */
async function claimOffer(ctx: Context, tx: Transaction, clinic: Clinic, tokenHash: string) {
  const now = ctx.deps.clock.now();
  const { offer: current, entry, service } = await offerByToken(tx, clinic.id, tokenHash);
  if (current.outcome !== "pending" || current.expiresAt <= now || entry.status !== "waiting") throw gone();
  const [active] = await tx.select({ id: services.id }).from(services).where(and(eq(services.clinicId, clinic.id), eq(services.id, service.id), eq(services.active, true)));
  if (!active) throw gone();
  const offering = await offeringPractitioners(tx, clinic.id, service.id);
  // The engine first: someone may have booked the time since it was offered.
  const chosen = await chooseTime(tx, { clinic, service, offering, practitionerId: current.practitionerId, start: current.startsAt, now });
  const booked = await writeBooking(ctx, tx, {
    clinic,
    // The patient is on record: no patient is written, and the offer's id makes a second claim of it a duplicate key.
    input: { clinicSlug: clinic.slug, serviceId: service.id, practitionerId: current.practitionerId, start: current.startsAt.toISOString(), patient: { name: "", email: "" }, idempotencyKey: current.id, ...languageOf(entry) },
    start: current.startsAt,
    ...chosen,
    offering,
    knownPatientId: entry.patientId,
  });
  const appointmentId = booked.answer.appointment.id;
  const [claimed] = await tx
    .update(waitlistOffers)
    .set({ outcome: "claimed", appointmentId, decidedAt: now, updatedAt: now })
    .where(and(eq(waitlistOffers.clinicId, clinic.id), eq(waitlistOffers.id, current.id), eq(waitlistOffers.outcome, "pending")))
    .returning({ id: waitlistOffers.id });
  if (!claimed) throw gone();
  await tx.update(waitlistEntries).set({ status: "booked", appointmentId, updatedAt: now }).where(and(eq(waitlistEntries.clinicId, clinic.id), eq(waitlistEntries.id, entry.id)));
  // The worker tells the others who were offered this time that it is gone.
  await enqueueOfferStep(tx, { practitionerId: current.practitionerId, start: current.startsAt });
  return booked.answer;
}

const claim = procedure("public.waitlist.claim")
  .output(bookingView)
  .input(waitlistOfferInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await offerLink(ctx, input.token);
    try {
      return await withRaceRetry(() => asPublic(ctx, clinic.id, (tx) => claimOffer(ctx, tx, clinic, tokenHash)));
    } catch (error) {
      // Lost to another claim (the exclusion constraint, the slot check, a second click on the same offer): the time is gone.
      const lost =
        isSlotTaken(error) ||
        error instanceof RaceLostError ||
        postgresErrorCode(error) === PG.uniqueViolation ||
        (error instanceof ConflictError && error.reason === "SLOT_UNAVAILABLE");
      throw lost ? gone() : error;
    }
  });

export const waitlistPublicRouter = { join, offer, claim };
