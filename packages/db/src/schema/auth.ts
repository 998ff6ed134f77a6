// Pre-authentication state: keyed by e-mail or IP address, read before anyone is signed in.
import { sql } from "drizzle-orm";
import { check, index, integer, pgPolicy, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, id, instant } from "./columns";
import { membershipRole } from "./enums";
import { tenantIsolation } from "./policies";

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
    createdAt: createdAt(),
  },
  (t) => [
    index("login_codes_email_idx").on(sql`lower(${t.email})`, t.createdAt),
    // Checked before anyone is signed in, by the e-mail the visitor typed: open to the app role.
    pgPolicy("login_codes_open", { for: "all", using: sql`true`, withCheck: sql`true` }),
  ],
);

/** A one-time link that makes its holder a member of the clinic with the given role. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
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
    unique("invitations_clinic_id_id_key").on(t.clinicId, t.id),
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
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
