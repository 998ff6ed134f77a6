// What the clinic tells patients and staff (issue 16): every message with its delivery state, the
// clinic's reminder rules, patients' opt-outs and members' own choices. Sending happens in the job
// worker (packages/api/src/notifications); these tables are its memory.
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { clinics, memberships } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { patients } from "./patients";
import { tenantIsolation } from "./policies";

export const messageChannel = pgEnum("message_channel", ["email", "sms", "whatsapp"]);
export type MessageChannel = (typeof messageChannel.enumValues)[number];

export const messageKind = pgEnum("message_kind", ["confirmation", "rescheduled", "cancelled", "reminder", "staff_new_booking", "waitlist_offer", "waitlist_gone"]);
export type MessageKind = (typeof messageKind.enumValues)[number];

/**
 * queued -> sending -> sent -> delivered (when the provider reports it); a failed attempt goes to
 * retrying (next_attempt_at) and, after the last one or a refusal, to failed (failure_reason);
 * skipped when the reason to send went away (appointment cancelled or moved, patient opted out).
 */
export const messageStatus = pgEnum("message_status", ["queued", "sending", "sent", "delivered", "retrying", "failed", "skipped"]);
export type MessageStatus = (typeof messageStatus.enumValues)[number];

export const messages = pgTable(
  "messages",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    appointmentId: uuid("appointment_id"),
    /** The patient it goes to (null for staff messages): opt-outs are per patient and channel. */
    patientId: uuid("patient_id"),
    kind: messageKind("kind").notNull(),
    channel: messageChannel("channel").notNull(),
    /** The address or E.164 number, as it was when the message was planned. Never logged. */
    recipient: text("recipient").notNull(),
    /** event + channel + recipient: the unique key that makes a second plan of the same message a no-op. */
    idempotencyKey: text("idempotency_key").notNull(),
    status: messageStatus("status").notNull().default("queued"),
    attempts: smallint("attempts").notNull().default(0),
    /** When it should go out (reminders: the planned instant, possibly moved out of quiet hours). */
    sendAt: instant("send_at").notNull(),
    nextAttemptAt: instant("next_attempt_at"),
    /** A worker's claim on a send in progress: after it passes, the send is presumed lost and retried. */
    leaseUntil: instant("lease_until"),
    /** A short, data-free reason a receptionist can read ("The mail server refused the message"). */
    failureReason: text("failure_reason"),
    /** The provider's id for the message (SMTP Message-ID, SMS provider sid): matches status callbacks. */
    providerMessageId: text("provider_message_id"),
    /** SHA-256 of the opt-out link's secret (the link itself is only in the message). */
    optOutTokenHash: text("opt_out_token_hash"),
    /** What the content is rendered from, besides the appointment: ids and flags only, no patient data. */
    context: jsonb("context").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    sentAt: instant("sent_at"),
    deliveredAt: instant("delivered_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("messages", t),
    uniqueIndex("messages_idempotency_key").on(t.clinicId, t.idempotencyKey),
    foreignKey({
      name: "messages_appointment_fk",
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "messages_patient_fk",
      columns: [t.clinicId, t.patientId],
      foreignColumns: [patients.clinicId, patients.id],
    }).onDelete("cascade"),
    index("messages_appointment_idx").on(t.clinicId, t.appointmentId, t.createdAt),
    // The failures page: newest problems first.
    index("messages_status_idx").on(t.clinicId, t.status, t.updatedAt),
    uniqueIndex("messages_opt_out_token_key").on(t.clinicId, t.optOutTokenHash).where(sql`${t.optOutTokenHash} is not null`),
    uniqueIndex("messages_provider_id_key").on(t.clinicId, t.channel, t.providerMessageId).where(sql`${t.providerMessageId} is not null`),
    check("messages_attempts_non_negative", sql`${t.attempts} >= 0`),
    tenantIsolation(),
  ],
);

/** A reminder rule: `minutesBefore` the start, on `channel`. */
export interface ReminderRule {
  minutesBefore: number;
  channel: MessageChannel;
}

/** One row per clinic that changed the defaults; no row means the defaults (see packages/api notifications/settings.ts). */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    clinicId: uuid("clinic_id")
      .primaryKey()
      .references(() => clinics.id),
    reminders: jsonb("reminders").$type<ReminderRule[]>().notNull(),
    /** Local wall-clock minutes [start, end) in the clinic's zone when no SMS or WhatsApp goes out; null: none. */
    quietHoursStart: integer("quiet_hours_start"),
    quietHoursEnd: integer("quiet_hours_end"),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "notification_settings_quiet_hours",
      sql`(${t.quietHoursStart} is null) = (${t.quietHoursEnd} is null) and coalesce(${t.quietHoursStart}, 0) between 0 and 1439 and coalesce(${t.quietHoursEnd}, 0) between 0 and 1439`,
    ),
    tenantIsolation(),
  ],
);

/** A patient said "no more of these" on one channel, from the link in a message. */
export const notificationOptOuts = pgTable(
  "notification_opt_outs",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id").notNull(),
    channel: messageChannel("channel").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "notification_opt_outs_pkey", columns: [t.clinicId, t.patientId, t.channel] }),
    foreignKey({
      name: "notification_opt_outs_patient_fk",
      columns: [t.clinicId, t.patientId],
      foreignColumns: [patients.clinicId, patients.id],
    }).onDelete("cascade"),
    tenantIsolation(),
  ],
);

/** A member's own choices: whether a new online booking sends them an e-mail. */
export const memberNotificationPreferences = pgTable(
  "member_notification_preferences",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    userId: uuid("user_id").notNull(),
    newOnlineBookingEmail: boolean("new_online_booking_email").notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "member_notification_preferences_pkey", columns: [t.clinicId, t.userId] }),
    foreignKey({
      name: "member_notification_preferences_member_fk",
      columns: [t.clinicId, t.userId],
      foreignColumns: [memberships.clinicId, memberships.userId],
    }).onDelete("cascade"),
    tenantIsolation(),
  ],
);
