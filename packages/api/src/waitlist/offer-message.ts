// What a waitlist message says (kinds waitlist_offer and waitlist_gone): the freed time, and for
// an offer a fresh claim link. Like the manage link of a confirmation, the link's secret exists
// only in the message; the offer keeps its hash (a resend replaces it, so one link works at a time).
import { createCapabilityToken } from "@frontdesk/auth";
import type { Transaction } from "@frontdesk/db";
import type { clinics} from "@frontdesk/db/schema";
import { patients, practitioners, services, waitlistEntries, waitlistOffers, type messages } from "@frontdesk/db/schema";
import type { PatientLanguage } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import type { MessageVariables } from "../notifications/content";
import { messageDateFormat, messageLanguage, patientPageLink } from "../messages";

type Clinic = typeof clinics.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

export const isWaitlistMessage = (kind: MessageRow["kind"]) => kind === "waitlist_offer" || kind === "waitlist_gone";

/** The offer with what its message names, in the caller's transaction. */
export async function loadOffer(tx: Transaction, clinicId: string, offerId: string) {
  const [row] = await tx
    .select({ offer: waitlistOffers, entry: waitlistEntries, service: services, practitionerName: practitioners.displayName })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, and(eq(waitlistEntries.clinicId, waitlistOffers.clinicId), eq(waitlistEntries.id, waitlistOffers.entryId)))
    .innerJoin(services, and(eq(services.clinicId, waitlistEntries.clinicId), eq(services.id, waitlistEntries.serviceId)))
    .innerJoin(practitioners, and(eq(practitioners.clinicId, waitlistOffers.clinicId), eq(practitioners.id, waitlistOffers.practitionerId)))
    .where(and(eq(waitlistOffers.clinicId, clinicId), eq(waitlistOffers.id, offerId)));
  return row;
}

/** The variables and language of a waitlist message, or why it should not go out any more. */
export async function waitlistMessageVariables(
  tx: Transaction,
  input: { clinic: Clinic; message: MessageRow; publicUrl: string; optOutUrl: string; now: Date },
): Promise<{ skip: string } | { variables: MessageVariables; language: PatientLanguage }> {
  const { clinic, message } = input;
  const offerId = typeof message.context.offerId === "string" ? message.context.offerId : "";
  const row = offerId ? await loadOffer(tx, clinic.id, offerId) : undefined;
  if (!row) return { skip: "The waitlist offer no longer exists" };
  let offerUrl = "";
  if (message.kind === "waitlist_offer") {
    if (row.offer.outcome !== "pending" || row.offer.expiresAt <= input.now) return { skip: "The waitlist offer is closed" };
    const link = createCapabilityToken(clinic.id);
    await tx.update(waitlistOffers).set({ tokenHash: link.tokenHash, updatedAt: input.now }).where(and(eq(waitlistOffers.clinicId, clinic.id), eq(waitlistOffers.id, offerId)));
    offerUrl = `${input.publicUrl}/waitlist/${link.token}`;
  }
  const [patient] = await tx.select({ fullName: patients.fullName }).from(patients).where(and(eq(patients.clinicId, clinic.id), eq(patients.id, row.entry.patientId)));
  // In the language the patient joined in; staff cannot reword these kinds, so always the built-in wording (ADR 0057).
  const { language } = messageLanguage(clinic.locale, row.entry.language);
  const format = messageDateFormat(clinic, language, false);
  const end = new Date(row.offer.startsAt.getTime() + row.service.durationMinutes * 60_000);
  return {
    language,
    variables: {
      clinicName: clinic.name,
      clinicAddress: clinic.address ?? "",
      clinicPhone: clinic.phone ?? "",
      patientName: patient?.fullName ?? "",
      serviceName: row.service.name,
      practitionerName: row.practitionerName,
      when: format.appointmentTime(row.offer.startsAt, end),
      previousWhen: "",
      manageUrl: "",
      confirmUrl: "",
      optOutUrl: patientPageLink(input.optOutUrl, language),
      offerUrl: offerUrl && patientPageLink(offerUrl, language),
      offerExpires: format.dateTime(row.offer.expiresAt),
    },
  };
}
