import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgPolicy, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { membershipRole } from "./enums";
import { currentClinicId, currentRole, currentSessionId, currentUserId, tenantIsolation } from "./policies";

export const clinics = pgTable(
  "clinics",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** IANA zone; working hours are wall-clock times in this zone. */
    timezone: text("timezone").notNull(),
    locale: text("locale").notNull().default("en"),
    currency: text("currency").notNull().default("EUR"),
    /** ISO 3166-1 alpha-2 ("FR"); phone numbers typed without +country are read in it. Null: none known (a UTC clinic). */
    country: text("country"),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(120),
    horizonDays: integer("horizon_days").notNull().default(60),
    slotStepMinutes: integer("slot_step_minutes").notNull().default(15),
    cancellationNoticeMinutes: integer("cancellation_notice_minutes").notNull().default(1440),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    /** The booking page's accent (#rrggbb), checked for contrast in @frontdesk/domain brand.ts; null: the default. */
    accentColour: text("accent_colour"),
    /** A few sentences for the booking page's header. */
    description: text("description"),
    /** Staff must sign in with a second factor (TOTP) to work in this clinic. */
    requireMfa: boolean("require_mfa").notNull().default(false),
    /** Origins allowed to embed the public booking page in a frame (CSP frame-ancestors). */
    embedOrigins: text("embed_origins").array().notNull().default(sql`'{}'::text[]`),
    /** Owners and admins may read clinical notes (never write them); practitioners always may (ADR 0026). */
    clinicalNotesOpenToAdmins: boolean("clinical_notes_open_to_admins").notNull().default(false),
    /** A freed time goes to the waitlist one patient at a time (in_order) or to all of them at once (ADR 0035). */
    waitlistOfferMode: text("waitlist_offer_mode").notNull().default("in_order"),
    /** How long a waitlist offer stays open before it goes to the next patient. */
    waitlistOfferMinutes: integer("waitlist_offer_minutes").notNull().default(60),
    /** Feature flag overrides the clinic's owner chose (ADR 0039; names and defaults in @frontdesk/domain flags.ts). */
    ownerFlags: jsonb("owner_flags").$type<Record<string, unknown>>().notNull().default({}),
    /** Overrides the platform operator set (`pnpm flags`); they win, and the app role cannot change them. */
    operatorFlags: jsonb("operator_flags").$type<Record<string, unknown>>().notNull().default({}),
    /** The privacy notice patients accept when booking (ADR 0037): where it is, and its version as the clinic names it. */
    privacyNoticeUrl: text("privacy_notice_url"),
    privacyNoticeVersion: text("privacy_notice_version"),
    /** Legal retention of records, in years after a patient's last appointment: erasure is refused within it (ADR 0038). */
    retentionYears: integer("retention_years"),
    /** The retention job anonymises patients with no appointment for this many years; null leaves them be (ADR 0038). */
    anonymiseInactiveAfterYears: integer("anonymise_inactive_after_years"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("clinics_slug_key").on(t.slug),
    check("clinics_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) between 3 and 63`),
    check(
      "clinics_retention",
      sql`coalesce(${t.retentionYears}, 0) between 0 and 100 and (${t.anonymiseInactiveAfterYears} is null or ${t.anonymiseInactiveAfterYears} between 1 and 100 and ${t.anonymiseInactiveAfterYears} >= coalesce(${t.retentionYears}, 0))`,
    ),
    check("clinics_waitlist_policy", sql`${t.waitlistOfferMode} in ('in_order', 'all_at_once') and ${t.waitlistOfferMinutes} between 5 and 2880`),
    check("clinics_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("clinics_country_format", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("clinics_brand", sql`${t.accentColour} ~ '^#[0-9a-f]{6}$' and length(${t.description}) <= 500`),
    check(
      "clinics_booking_policy",
      sql`${t.minNoticeMinutes} >= 0 and ${t.horizonDays} between 1 and 730 and ${t.slotStepMinutes} between 5 and 240 and ${t.cancellationNoticeMinutes} >= 0`,
    ),
    // A clinic's public page (name, zone, booking policy) is readable by anyone who knows its slug.
    pgPolicy("clinics_public_read", { for: "select", using: sql`true` }),
    // Any signed-in user may open a clinic (the API checks the session); they become its owner.
    pgPolicy("clinics_create", { for: "insert", withCheck: sql`true` }),
    // Only the owners and admins of the clinic in scope may change it.
    pgPolicy("clinics_admin_update", {
      for: "update",
      using: sql`${t.id} = ${currentClinicId} and ${currentRole} in ('owner', 'admin')`,
      withCheck: sql`${t.id} = ${currentClinicId} and ${currentRole} in ('owner', 'admin')`,
    }),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored as typed; unique case-insensitively. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** Null for passwordless patients (one-time codes). Never leaves the database layer. */
    passwordHash: text("password_hash"),
    emailVerifiedAt: instant("email_verified_at"),
    /** TOTP key (RFC 6238), set once a first code confirmed it; null without MFA. */
    totpKey: text("totp_key"),
    /** A key being set up, not yet confirmed by a code. */
    totpPendingKey: text("totp_pending_key"),
    /** The last accepted TOTP time step: a code is accepted once (RFC 6238 section 5.2). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    // Sign-in must find an account by e-mail before anyone is known.
    pgPolicy("users_read", { for: "select", using: sql`true` }),
    // Sign-up and passwordless patients create accounts before any session exists.
    pgPolicy("users_create", { for: "insert", withCheck: sql`true` }),
    // A user may change only their own account.
    pgPolicy("users_update_self", {
      for: "update",
      using: sql`${t.id} = ${currentUserId}`,
      withCheck: sql`${t.id} = ${currentUserId}`,
    }),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: membershipRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("memberships", t),
    uniqueIndex("memberships_clinic_id_user_id_key").on(t.clinicId, t.userId),
    index("memberships_user_id_idx").on(t.userId),
    tenantIsolation(),
    // A signed-in user sees their own memberships in every clinic (clinic switcher, role check).
    pgPolicy("memberships_read_own", { for: "select", using: sql`${t.userId} = ${currentUserId}` }),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** Public half of the token; the secret half is stored only as a SHA-256 hash. */
    id: text("id").primaryKey(),
    secretHash: text("secret_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activeClinicId: uuid("active_clinic_id").references(() => clinics.id),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    /** Password accepted, second factor not yet: the session opens nothing but the MFA step. */
    secondFactorPending: boolean("second_factor_pending").notNull().default(false),
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId),
    // A request reaches only the session whose id its cookie names, or the signed-in user's own
    // sessions (device list, sign out elsewhere): a leaked query cannot enumerate other sessions.
    pgPolicy("sessions_own", {
      for: "all",
      using: sql`${t.id} = ${currentSessionId} or ${t.userId} = ${currentUserId}`,
      withCheck: sql`${t.userId} = ${currentUserId}`,
    }),
  ],
);
