// Pre-authentication state: keyed by e-mail or IP address, read before anyone is signed in.
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgPolicy, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, id, instant, tenantId, tenantPrimaryKey } from "./columns";
import { membershipRole } from "./enums";
import { currentUserId, tenantIsolation } from "./policies";

/** Failed sign-in counts per account and per IP, shared by every server process. */
export const authThrottle = pgTable(
  "auth_throttle",
  {
    /** "account:<email>" or "ip:<address>". */
    key: text("key").primaryKey(),
    failures: integer("failures").notNull().default(0),
    blockedUntil: instant("blocked_until"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  () => [
    // Counters exist before anyone is known and reveal nothing but a count: open to the app role.
    pgPolicy("auth_throttle_open", { for: "all", using: sql`true`, withCheck: sql`true` }),
  ],
);

/** Passwordless sign-in: a 6-digit code sent by e-mail, stored only as a hash. */
export const loginCodes = pgTable(
  "login_codes",
  {
    id: id(),
    email: text("email").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    consumedAt: instant("consumed_at"),
    /** "sign_in" (code sign-in) or "sign_up" (confirms the address of a new password account). */
    purpose: text("purpose").notNull().default("sign_in"),
    /** For sign-up codes: the account to create once the address is proved. */
    pendingName: text("pending_name"),
    pendingPasswordHash: text("pending_password_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    check("login_codes_purpose", sql`${t.purpose} in ('sign_in', 'sign_up')`),
    index("login_codes_email_idx").on(sql`lower(${t.email})`, t.createdAt),
    // Checked before anyone is signed in, by the e-mail the visitor typed: open to the app role.
    pgPolicy("login_codes_open", { for: "all", using: sql`true`, withCheck: sql`true` }),
  ],
);

/** A one-time link that makes its holder a member of the clinic with the given role. */
export const invitations = pgTable(
  "invitations",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    email: text("email").notNull(),
    role: membershipRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id),
    expiresAt: instant("expires_at").notNull(),
    acceptedAt: instant("accepted_at"),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("invitations", t),
    // The link names its clinic: found within it, unique per clinic (so per shard).
    uniqueIndex("invitations_token_hash_key").on(t.clinicId, t.tokenHash),
    check("invitations_accepted_together", sql`(${t.acceptedAt} is null) = (${t.acceptedBy} is null)`),
    tenantIsolation(),
  ],
);


/** Fixed-window request counters for public endpoints (booking, slots), shared by every server process. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    /** e.g. "book:ip:203.0.113.9" or "book:email:someone@example.com". */
    key: text("key").notNull(),
    windowStart: instant("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limits_window_idx").on(t.windowStart),
    // Counters exist before anyone is known and hold only counts: open to the app role.
    pgPolicy("rate_limits_open", { for: "all", using: sql`true`, withCheck: sql`true` }),
  ],
);

/** Password reset links: single use, short-lived, stored only as a hash. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_key").on(t.tokenHash),
    index("password_resets_user_id_idx").on(t.userId, t.createdAt),
    // Redeemed before anyone is signed in, found by the hash of a 160-bit secret: open to the app role.
    pgPolicy("password_resets_open", { for: "all", using: sql`true`, withCheck: sql`true` }),
  ],
);

/** One-time recovery codes for a user's second factor, stored only as hashes. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("mfa_recovery_codes_user_id_idx").on(t.userId),
    // Only the user in scope (known from the password step or the session) reaches their codes.
    pgPolicy("mfa_recovery_codes_own", { for: "all", using: sql`${t.userId} = ${currentUserId}`, withCheck: sql`${t.userId} = ${currentUserId}` }),
  ],
);

/** Browsers that may skip the second factor until `expiresAt` ("remember this device"). */
export const rememberedDevices = pgTable(
  "remembered_devices",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("remembered_devices_user_id_idx").on(t.userId),
    pgPolicy("remembered_devices_own", { for: "all", using: sql`${t.userId} = ${currentUserId}`, withCheck: sql`${t.userId} = ${currentUserId}` }),
  ],
);

/** A user's security history (sign-ins, password and MFA changes): append-only, shown to its user. */
export const securityEvents = pgTable(
  "security_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [
    index("security_events_user_at_idx").on(t.userId, t.at),
    pgPolicy("security_events_own_read", { for: "select", using: sql`${t.userId} = ${currentUserId}` }),
    pgPolicy("security_events_own_insert", { for: "insert", withCheck: sql`${t.userId} = ${currentUserId}` }),
  ],
);
