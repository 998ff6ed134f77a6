// Where brand images live (ADR 0049). One small interface: PostgreSQL today (the bytes in
// clinic_images, inside the request's transaction, so an upload and its audit entry commit
// together); an S3-compatible store would keep the same rows without the bytes and put them
// under `clinicId/imageId` instead.
import { withTenant, type Database, type Transaction } from "@frontdesk/db";
import { clinicImages } from "@frontdesk/db/schema";
import type { ImagePurpose, ImageType } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";

export interface NewImage {
  clinicId: string;
  purpose: ImagePurpose;
  practitionerId: string | null;
  contentType: ImageType;
  bytes: Uint8Array;
  sha256: string;
  width: number;
  height: number;
}

/** What the media route sends: only ever a published image. */
export interface ServedImage {
  contentType: ImageType;
  sha256: string;
  bytes: Uint8Array;
}

export interface ImageStore {
  /** Stores a new, unpublished image in the staff member's transaction; returns its id. */
  save(tx: Transaction, image: NewImage): Promise<string>;
  /** A published image of the clinic, read in the public scope; null for anything else. */
  published(db: Database, clinicId: string, imageId: string): Promise<ServedImage | null>;
}

export const postgresImageStore: ImageStore = {
  async save(tx, image) {
    const [row] = await tx
      .insert(clinicImages)
      .values({ ...image, byteSize: image.bytes.byteLength })
      .returning({ id: clinicImages.id });
    return row!.id;
  },
  async published(db, clinicId, imageId) {
    // The public scope's policy shows published rows only (migration 0034); the filter says so too.
    const [row] = await withTenant(db, { clinicId, userId: null, role: "public" }, (tx) =>
      tx
        .select({ contentType: clinicImages.contentType, sha256: clinicImages.sha256, bytes: clinicImages.bytes })
        .from(clinicImages)
        .where(and(eq(clinicImages.clinicId, clinicId), eq(clinicImages.id, imageId), eq(clinicImages.published, true))),
    );
    return row ? { contentType: row.contentType as ImageType, sha256: row.sha256, bytes: row.bytes } : null;
  },
};
