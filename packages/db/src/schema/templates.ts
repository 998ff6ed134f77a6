import { sql } from "drizzle-orm";
import { check, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, tenantId, tenantPrimaryKey, updatedAt } from "./columns";
import { tenantIsolation } from "./policies";

/**
 * A clinic's own wording of one message (ADR 0024): kind x channel x locale ("sms" is the short
 * form, SMS and WhatsApp). No row means the built-in default; resetting deletes the row. Subject and text are plain text with {{variables}}
 * from the kind's fixed list, checked when saved.
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    locale: text("locale").notNull(),
    /** E-mail subject; empty for SMS. */
    subject: text("subject").notNull().default(""),
    text: text("text").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("message_templates", t),
    unique("message_templates_one_per_kind").on(t.clinicId, t.kind, t.channel, t.locale),
    check("message_templates_channel", sql`${t.channel} in ('email', 'sms')`),
    tenantIsolation(),
  ],
);
