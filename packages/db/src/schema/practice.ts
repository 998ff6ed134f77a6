// The clinic's offer: who works, what they offer, and when.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  uuid,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { scheduleExceptionKind } from "./enums";
import { tenantIsolation } from "./policies";

export const practitioners = pgTable(
  "practitioners",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** Set when the practitioner also signs in (to see their own calendar). */
    userId: uuid("user_id").references(() => users.id),
    displayName: text("display_name").notNull(),
    colour: text("colour").notNull().default("#2563eb"),
    active: boolean("active").notNull().default(true),
    /** What calendar feeds show of this practitioner's appointments: "time", "initials" or "name" (ADR 0040). */
    feedDetail: text("feed_detail").notNull().default("time"),
    /** What the booking page says about them (their photo is a published clinic_images row). */
    bio: text("bio"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("practitioners", t),
    check("practitioners_colour_format", sql`${t.colour} ~ '^#[0-9a-fA-F]{6}$'`),
    check("practitioners_feed_detail", sql`${t.feedDetail} in ('time', 'initials', 'name')`),
    check("practitioners_bio_length", sql`length(${t.bio}) <= 1000`),
    tenantIsolation(),
  ],
);

export const services = pgTable(
  "services",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    /** In the clinic's currency's minor unit; null means "price on request". */
    priceCents: integer("price_cents"),
    bookableOnline: boolean("bookable_online").notNull().default(true),
    active: boolean("active").notNull().default(true),
    /** Section headings a clinical note of this service starts with (e.g. SOAP); empty: free text only. */
    noteSections: text("note_sections").array().notNull().default(sql`'{}'::text[]`),
    /** What the booking page says about the service. */
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("services", t),
    check("services_duration_positive", sql`${t.durationMinutes} between 1 and 1440`),
    check("services_buffers_non_negative", sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
    // As the service schema says (SERVICE_BUFFER_MAX_MINUTES): appointments then block a bounded time.
    check("services_buffers_at_most_4_hours", sql`${t.bufferBeforeMinutes} <= 240 and ${t.bufferAfterMinutes} <= 240`),
    check("services_price_non_negative", sql`${t.priceCents} is null or ${t.priceCents} >= 0`),
    check("services_description_length", sql`length(${t.description}) <= 500`),
    tenantIsolation(),
  ],
);

export const practitionerServices = pgTable(
  "practitioner_services",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    practitionerId: uuid("practitioner_id").notNull(),
    serviceId: uuid("service_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.practitionerId, t.serviceId] }),
    foreignKey({
      name: "practitioner_services_practitioner_fk",
      columns: [t.clinicId, t.practitionerId],
      foreignColumns: [practitioners.clinicId, practitioners.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "practitioner_services_service_fk",
      columns: [t.clinicId, t.serviceId],
      foreignColumns: [services.clinicId, services.id],
    }).onDelete("cascade"),
    index("practitioner_services_service_idx").on(t.clinicId, t.serviceId),
    tenantIsolation(),
  ],
);

/** Weekly pattern: local wall-clock intervals, interpreted in the clinic's time zone. */
export const workingHours = pgTable(
  "working_hours",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    practitionerId: uuid("practitioner_id").notNull(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [
    tenantPrimaryKey("working_hours", t),
    foreignKey({
      name: "working_hours_practitioner_fk",
      columns: [t.clinicId, t.practitionerId],
      foreignColumns: [practitioners.clinicId, practitioners.id],
    }).onDelete("cascade"),
    index("working_hours_practitioner_idx").on(t.clinicId, t.practitionerId),
    check("working_hours_weekday_range", sql`${t.weekday} between 1 and 7`),
    check("working_hours_end_after_start", sql`${t.endTime} > ${t.startTime}`),
    tenantIsolation(),
  ],
);

/** Dated changes to the weekly pattern, as instants: time off, or extra hours. */
export const scheduleExceptions = pgTable(
  "schedule_exceptions",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    practitionerId: uuid("practitioner_id").notNull(),
    kind: scheduleExceptionKind("kind").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("schedule_exceptions", t),
    foreignKey({
      name: "schedule_exceptions_practitioner_fk",
      columns: [t.clinicId, t.practitionerId],
      foreignColumns: [practitioners.clinicId, practitioners.id],
    }).onDelete("cascade"),
    index("schedule_exceptions_practitioner_range_idx").on(t.clinicId, t.practitionerId, t.startsAt),
    check("schedule_exceptions_end_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    tenantIsolation(),
  ],
);
