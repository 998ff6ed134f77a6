// The waitlist (issue 17, ADR 0035): what a patient sends to join it online, what staff send to
// add, book from and remove entries, the claim link's input, and what those answer.
import { z } from "zod";
import { bookingPatient, manageToken } from "./booking";
import { TIMES_OF_DAY } from "../time/format";
import { clinicSlug, id, instant, localDate, patientLanguageInput } from "./fields";

export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** How long an entry may wait at most: a waitlist for next year is a booking request, not a waitlist. */
export const WAITLIST_MAX_DAYS = 183;

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

const wish = {
  serviceId: id,
  /** Absent: any practitioner who offers the service. */
  practitionerId: id.optional(),
  fromDate: localDate,
  toDate: localDate,
  /** Empty or absent: any time of day. */
  timesOfDay: z.array(z.enum(TIMES_OF_DAY, { error: "Choose morning, afternoon or evening" })).max(3).default([]),
};

const rangeChecks = <T extends { fromDate: string; toDate: string }>(value: T, ctx: z.RefinementCtx) => {
  const days = daysBetween(value.fromDate, value.toDate);
  if (days < 0) ctx.addIssue({ code: "custom", path: ["toDate"], message: "The last day must not be before the first" });
  else if (days > WAITLIST_MAX_DAYS) ctx.addIssue({ code: "custom", path: ["toDate"], message: `Wait at most ${WAITLIST_MAX_DAYS} days` });
};

/** public.waitlist.join: a patient asks for a time on the booking page when nothing fits. */
/** `language`: the booking page's, for the offers (ADR 0057). */
export const joinWaitlistInput = z.object({ clinicSlug, ...wish, patient: bookingPatient, language: patientLanguageInput }).superRefine(rangeChecks);

/** waitlist.add: staff put a patient on record on the waitlist. */
export const addToWaitlistInput = z.object({ patientId: id, ...wish }).superRefine(rangeChecks);

export const waitlistListInput = z.object({ status: z.enum(["waiting", "booked", "removed"]).default("waiting") });
export const waitlistEntryInput = z.object({ entryId: id });
/** waitlist.book: staff book a waiting patient into a time they chose (outside the online rules, never over another appointment). */
export const bookFromWaitlistInput = z.object({ entryId: id, practitionerId: id, start: instant });

/** The claim link's token, from the offer message. */
export const waitlistOfferInput = z.object({ token: manageToken });

const uuid = z.uuid();
const isoInstant = z.iso.datetime({ offset: true });

export const waitlistOfferOutcome = z.enum(["pending", "claimed", "gone", "expired"]);

export const waitlistOfferView = z
  .object({
    id: uuid,
    practitionerId: uuid,
    practitionerName: z.string(),
    start: isoInstant,
    expiresAt: isoInstant,
    outcome: waitlistOfferOutcome,
    decidedAt: isoInstant.nullable(),
  })
  .meta({ id: "WaitlistOffer" });

export const waitlistEntryView = z
  .object({
    id: uuid,
    patientId: uuid,
    patientName: z.string(),
    serviceId: uuid,
    serviceName: z.string(),
    practitionerId: uuid.nullable(),
    practitionerName: z.string().nullable(),
    fromDate: z.iso.date(),
    toDate: z.iso.date(),
    timesOfDay: z.array(z.enum(TIMES_OF_DAY)),
    status: z.enum(["waiting", "booked", "removed"]),
    source: z.enum(["online", "staff"]),
    appointmentId: uuid.nullable(),
    createdAt: isoInstant,
    offers: z.array(waitlistOfferView),
  })
  .meta({ id: "WaitlistEntry" });

export const waitlistListView = z.object({ items: z.array(waitlistEntryView) }).meta({ id: "WaitlistPage" });

/** public.waitlist.join answers only that the patient is on the list (no ids a stranger could use). */
export const waitlistJoinedView = z.object({ joined: z.literal(true), fromDate: z.iso.date(), toDate: z.iso.date() }).meta({ id: "WaitlistJoined" });

/** public.waitlist.offer: what the claim page shows before the patient takes the time. */
export const publicWaitlistOfferView = z
  .object({
    clinicName: z.string(),
    timezone: z.string(),
    serviceName: z.string(),
    practitionerName: z.string(),
    start: isoInstant,
    end: isoInstant,
    expiresAt: isoInstant,
    outcome: waitlistOfferOutcome,
  })
  .meta({ id: "PublicWaitlistOffer" });

export type JoinWaitlistInput = z.input<typeof joinWaitlistInput>;
