// Publishing an upload: it becomes the clinic's logo (or the practitioner's photo) and the one it
// replaces is deleted, in the same transaction; a partial unique index keeps one of each.
import type { Transaction } from "@frontdesk/db";
import { clinicImages } from "@frontdesk/db/schema";
import { and, eq, isNull, ne, type SQL } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { imageOf } from "./published";

/** Replaces the published image for `slot` with `imageId` (an upload for that slot), or with none when null. */
export async function publishImage(tx: Transaction, clinicId: string, slot: { purpose: "logo" } | { purpose: "practitioner"; practitionerId: string }, imageId: string | null) {
  const practitionerId = slot.purpose === "practitioner" ? slot.practitionerId : null;
  if (imageId !== null) {
    const image = await imageOf(tx, clinicId, imageId);
    // Another slot's upload (a photo offered as the logo, or another practitioner's) is not this one's.
    if (!image || image.purpose !== slot.purpose || image.practitionerId !== practitionerId) throw new NotFoundError("Image");
  }
  const ofSlot: SQL[] = [
    eq(clinicImages.clinicId, clinicId),
    eq(clinicImages.purpose, slot.purpose),
    practitionerId === null ? isNull(clinicImages.practitionerId) : eq(clinicImages.practitionerId, practitionerId),
    eq(clinicImages.published, true),
    // Publishing the current one again keeps it.
    ...(imageId === null ? [] : [ne(clinicImages.id, imageId)]),
  ];
  const replaced = await tx.delete(clinicImages).where(and(...ofSlot)).returning({ id: clinicImages.id });
  if (imageId !== null) {
    await tx
      .update(clinicImages)
      .set({ published: true })
      .where(and(eq(clinicImages.clinicId, clinicId), eq(clinicImages.id, imageId)));
  }
  return replaced[0]?.id ?? null;
}
