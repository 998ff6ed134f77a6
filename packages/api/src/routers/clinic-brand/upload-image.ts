import { uploadImageInput, uploadedImageView } from "@frontdesk/domain";
import { clinicImages, practitioners } from "@frontdesk/db/schema";
import { and, eq, lt } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { postgresImageStore } from "../../brand/image-store";
import { imageView } from "../../brand/published";
import { readImage } from "../../brand/read-image";
import { NotFoundError } from "../../errors";
import { procedure } from "../../trpc";

/** Uploads left unpublished this long are forgotten at the clinic's next upload. */
const DRAFT_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Stores an image, unpublished: clinic.brand.update (logo) or setPractitioner (photo) publishes
 * it. Its type and size come from its bytes (read-image.ts), whatever the browser said.
 */
export const uploadImage = procedure("clinic.brand.uploadImage")
  .input(uploadImageInput)
  .output(uploadedImageView)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const practitionerId = input.practitionerId ?? null;
    if (practitionerId !== null) {
      const [known] = await staff.tx
        .select({ id: practitioners.id })
        .from(practitioners)
        .where(and(eq(practitioners.clinicId, staff.clinicId), eq(practitioners.id, practitionerId)));
      if (!known) throw new NotFoundError("Practitioner");
    }
    const image = await readImage(input.contentBase64, input.purpose);
    const now = ctx.deps.clock.now();
    await staff.tx
      .delete(clinicImages)
      .where(and(eq(clinicImages.clinicId, staff.clinicId), eq(clinicImages.published, false), lt(clinicImages.createdAt, new Date(now.getTime() - DRAFT_KEPT_MS))));
    const row = { clinicId: staff.clinicId, purpose: input.purpose, practitionerId, ...image };
    const id = await (ctx.deps.images ?? postgresImageStore).save(staff.tx, row);
    await recordStaffAudit(ctx, {
      action: "upload",
      entity: "clinic_image",
      entityId: id,
      changes: { purpose: [null, input.purpose], contentType: [null, image.contentType], byteSize: [null, image.bytes.byteLength] },
    });
    return imageView(staff.clinicId, { id, ...row });
  });
