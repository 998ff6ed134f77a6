import { WEBHOOK_DELIVERY_STATUSES } from "@frontdesk/domain";
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, instant, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { tenantIsolation } from "./policies";

/**
 * Where a clinic's events go (ADR 0023). The secret signs each delivery (Standard Webhooks); it
 * must be readable to sign, so it is stored as issued and shown to the admin once, at creation
 * and at rotation. After a rotation the previous secret signs too until `previousSecretExpiresAt`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Event types subscribed to (WEBHOOK_EVENT_TYPES). */
    events: text("events").array().notNull(),
    /** What a payload may carry beyond ids (WEBHOOK_SCOPES). */
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: instant("previous_secret_expires_at"),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("webhook_endpoints", t),
    check("webhook_endpoints_secret_format", sql`${t.secret} ~ '^whsec_[A-Za-z0-9+/=]+$'`),
    tenantIsolation(),
  ],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatusValue = (typeof webhookDeliveryStatus.enumValues)[number];

/**
 * One event for one endpoint. `(clinic, endpoint, event id)` is unique, so an event is queued for
 * an endpoint once; the event id is the `webhook-id` header on every attempt, which lets receivers
 * drop a repeat. The payload is fixed when the event happens (what the endpoint's scopes allowed then).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    endpointId: uuid("endpoint_id").notNull(),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** The receiver's HTTP status on the last attempt; null when it never answered. */
    responseStatus: integer("response_status"),
    /** Why the last attempt failed, in words for the admin (never the receiver's body). */
    lastError: text("last_error"),
    nextAttemptAt: instant("next_attempt_at"),
    deliveredAt: instant("delivered_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("webhook_deliveries", t),
    unique("webhook_deliveries_once_per_event").on(t.clinicId, t.endpointId, t.eventId),
    foreignKey({
      name: "webhook_deliveries_endpoint_fk",
      columns: [t.clinicId, t.endpointId],
      foreignColumns: [webhookEndpoints.clinicId, webhookEndpoints.id],
    }).onDelete("cascade"),
    // The settings page: the newest deliveries, and the ones in trouble.
    index("webhook_deliveries_clinic_created_idx").on(t.clinicId, t.createdAt),
    index("webhook_deliveries_clinic_status_idx").on(t.clinicId, t.status, t.createdAt),
    check("webhook_deliveries_attempts", sql`${t.attempts} >= 0`),
    tenantIsolation(),
  ],
);
