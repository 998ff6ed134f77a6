// The brand as the booking page and the settings screen read it: the published images of a
// clinic, and their views. Never the bytes: those travel only through /media.
import type { Transaction } from "@frontdesk/db";
import { clinicImages } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { imageUrl } from "./image-url";

export interface ImageRow {
  id: string;
  purpose: string;
  practitionerId: string | null;
  contentType: string;
  sha256: string;
  width: number;
  height: number;
}

const imageColumns = {
  id: clinicImages.id,
  purpose: clinicImages.purpose,
  practitionerId: clinicImages.practitionerId,
  contentType: clinicImages.contentType,
  sha256: clinicImages.sha256,
  width: clinicImages.width,
  height: clinicImages.height,
};

export const imageView = (clinicId: string, row: ImageRow) => ({
  id: row.id,
  url: imageUrl(clinicId, row),
  width: row.width,
  height: row.height,
  contentType: row.contentType as "image/png" | "image/jpeg" | "image/webp",
});
export type ImageView = ReturnType<typeof imageView>;

/** The clinic's published logo and practitioners' photos. */
export async function publishedImages(tx: Transaction, clinicId: string) {
  const rows = await tx
    .select(imageColumns)
    .from(clinicImages)
    .where(and(eq(clinicImages.clinicId, clinicId), eq(clinicImages.published, true)));
  const logo = rows.find((r) => r.purpose === "logo");
  const photos = new Map(rows.filter((r) => r.practitionerId !== null).map((r) => [r.practitionerId!, imageView(clinicId, r)]));
  return { logo: logo ? imageView(clinicId, logo) : null, photos };
}

/** An uploaded image of the clinic, published or not; undefined when there is none by that id. */
export async function imageOf(tx: Transaction, clinicId: string, imageId: string): Promise<ImageRow | undefined> {
  const [row] = await tx
    .select(imageColumns)
    .from(clinicImages)
    .where(and(eq(clinicImages.clinicId, clinicId), eq(clinicImages.id, imageId)));
  return row;
}
