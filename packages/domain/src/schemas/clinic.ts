// The active clinic's settings, staff and audit log (clinic.*), and new clinics (clinics.*).
import { z } from "zod";
import { isCountryCode, isCurrencyCode, isLocaleTag } from "../region";
import { STAFF_ROLES } from "../roles";
import { clinicSlug, email, id, count, instant, onlyWhenValid, rowCursor, text, timeZone, token, wholeMinutes } from "./fields";

const YEAR_MINUTES = 365 * 24 * 60;
export const AUDIT_PAGE_MAX = 100;

/** "" and null both clear an optional contact field. */
const optionalText = (max: number, label: string) =>
  text(max, `${label} is too long`)
    .nullable()
    .transform((value) => value || null);

export const clinicName = text(120, "Name is too long", "Enter the clinic's name").refine((name) => name.length >= 2, "Enter the clinic's name");

/** The clinic's language and formats: a BCP 47 tag Intl knows ("fr-FR", "en-US"). */
export const clinicLocale = z.string().trim().max(35, "Use a locale such as fr-FR or en-US").refine(isLocaleTag, "Use a locale such as fr-FR or en-US");
/** Prices are in this ISO 4217 currency. */
export const clinicCurrency = z.string().trim().refine(isCurrencyCode, "Use a currency code such as EUR or USD");
/** ISO 3166-1 alpha-2; null when the clinic names none. */
export const clinicCountry = z.string().trim().refine(isCountryCode, "Use a two-letter country code such as FR or US").nullable();

/** How a freed time reaches the waitlist (ADR 0035): one patient after another, or every match at once. */
export const WAITLIST_OFFER_MODES = ["in_order", "all_at_once"] as const;
export type WaitlistOfferMode = (typeof WAITLIST_OFFER_MODES)[number];

export const clinicSettingsFields = {
  name: clinicName,
  timezone: timeZone,
  locale: clinicLocale,
  currency: clinicCurrency,
  country: clinicCountry,
  minNoticeMinutes: wholeMinutes("Minimum notice", 0, YEAR_MINUTES),
  horizonDays: z.number("Enter a number of days").int("Horizon must be whole days").min(1, "Horizon is at least 1 day").max(730, "Horizon is at most 730 days"),
  slotStepMinutes: wholeMinutes("Slot step", 5, 240),
  cancellationNoticeMinutes: wholeMinutes("Cancellation notice", 0, YEAR_MINUTES),
  email: email.nullable(),
  phone: optionalText(40, "Phone number"),
  address: optionalText(300, "Address"),
};

/** How the clinic offers freed times to its waitlist; its own form, so apart from the profile's fields. */
export const waitlistOfferFields = {
  waitlistOfferMode: z.enum(WAITLIST_OFFER_MODES, "Choose in order or all at once"),
  // Between 5 minutes (time to read a message) and 2 days (the database's check).
  waitlistOfferMinutes: wholeMinutes("Offer expiry", 5, 2880),
};
export const waitlistOfferValues = z.object(waitlistOfferFields);

export const updateClinicSettingsInput = z.object({
  name: clinicSettingsFields.name.optional(),
  timezone: clinicSettingsFields.timezone.optional(),
  locale: clinicSettingsFields.locale.optional(),
  currency: clinicSettingsFields.currency.optional(),
  country: clinicSettingsFields.country.optional(),
  minNoticeMinutes: clinicSettingsFields.minNoticeMinutes.optional(),
  horizonDays: clinicSettingsFields.horizonDays.optional(),
  slotStepMinutes: clinicSettingsFields.slotStepMinutes.optional(),
  cancellationNoticeMinutes: clinicSettingsFields.cancellationNoticeMinutes.optional(),
  email: clinicSettingsFields.email.optional(),
  phone: clinicSettingsFields.phone.optional(),
  address: clinicSettingsFields.address.optional(),
  waitlistOfferMode: waitlistOfferFields.waitlistOfferMode.optional(),
  waitlistOfferMinutes: waitlistOfferFields.waitlistOfferMinutes.optional(),
});

export const auditListInput = z
  .object({
    entity: text(64, "Entity is too long", "Name an entity").optional(),
    entityId: text(64, "Entity id is too long", "Name an entity id").optional(),
    actorUserId: id.optional(),
    /** Entries about this patient: their record and their appointments. */
    patientId: id.optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: rowCursor.optional(),
    limit: count(AUDIT_PAGE_MAX, `At most ${AUDIT_PAGE_MAX} per page`).default(50),
  })
  .refine((f) => !f.from || !f.to || f.to > f.from, { message: "The range must end after it starts", path: ["to"], when: onlyWhenValid });

/** The membership roles, highest first (the same list as the database's membership_role). */
const role = z.enum(STAFF_ROLES, { error: `Role must be one of ${STAFF_ROLES.join(", ")}` });

export const inviteStaffInput = z.object({ email, role });
export const invitationInput = z.object({ invitationId: id });
export const acceptInvitationInput = z.object({ token: token(200, "This invitation link is not valid") });
export const changeRoleInput = z.object({ membershipId: id, role });
export const membershipInput = z.object({ membershipId: id });

/** Locale, currency and country default to what the time zone proposes (proposeClinicRegion). */
export const createClinicInput = z.object({
  name: clinicName,
  slug: clinicSlug,
  timezone: timeZone,
  locale: clinicLocale.optional(),
  currency: clinicCurrency.optional(),
  country: clinicCountry.optional(),
});
export const slugAvailableInput = z.object({ slug: clinicSlug });

/** The whole settings form (the web's profile draft checks with this before sending its patch). */
export const clinicSettingsValues = z.object(clinicSettingsFields);
