// The clinic's brand images (ADR 0049): its logo and its practitioners' photos, kept in
// PostgreSQL beside the rows they illustrate, so that a backup, a restore and tenant isolation
// cover them like every other row.
import { sql } from "drizzle-orm";
import { boolean, check, customType, foreignKey, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { createdAt, tenantId, tenantPrimaryKey } from "./columns";
import { tenantIsolation } from "./policies";
import { practitioners } from "./practice";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const clinicImages = pgTable(
  "clinic_images",
  {
    id: tenantId(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** "logo" (the clinic's) or "practitioner" (a photo of practitionerId). */
    purpose: text("purpose").notNull(),
    practitionerId: uuid("practitioner_id"),
    /** Read from the bytes' signature at upload, never taken from the client. */
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    /** SHA-256 of the bytes, hex: part of the image's address and its ETag. */
    sha256: text("sha256").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** Shown on the booking page (the current logo or photo); anyone may fetch it. Uploads start unpublished. */
    published: boolean("published").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("clinic_images", t),
    foreignKey({
      name: "clinic_images_practitioner_fk",
      columns: [t.clinicId, t.practitionerId],
      foreignColumns: [practitioners.clinicId, practitioners.id],
    }).onDelete("cascade"),
    check("clinic_images_purpose", sql`(${t.purpose} = 'logo' and ${t.practitionerId} is null) or (${t.purpose} = 'practitioner' and ${t.practitionerId} is not null)`),
    check("clinic_images_content_type", sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp')`),
    check("clinic_images_size", sql`${t.byteSize} = octet_length(${t.bytes}) and ${t.byteSize} between 1 and 2097152`),
    check("clinic_images_dimensions", sql`${t.width} between 1 and 4096 and ${t.height} between 1 and 4096`),
    check("clinic_images_sha256", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    // One current logo per clinic and one current photo per practitioner.
    uniqueIndex("clinic_images_one_logo").on(t.clinicId).where(sql`${t.purpose} = 'logo' and ${t.published}`),
    uniqueIndex("clinic_images_one_photo").on(t.clinicId, t.practitionerId).where(sql`${t.purpose} = 'practitioner' and ${t.published}`),
    tenantIsolation(),
  ],
);
