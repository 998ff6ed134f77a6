// The one address of a brand image: /media/<clinicId>/<imageId>.<hash>.<ext>. The hash changes
// with the bytes, so the answer may be cached for a year (ADR 0049).
import { IMAGE_LIMITS, IMAGE_TYPES, type ImageType } from "@frontdesk/domain";

/** The first 16 hex digits of the SHA-256: enough to tell versions apart, short in a URL. */
export const urlHash = (sha256: string) => sha256.slice(0, 16);

export const MEDIA_PREFIX = "/media";

export function imageUrl(clinicId: string, image: { id: string; sha256: string; contentType: string }): string {
  return `${MEDIA_PREFIX}/${clinicId}/${image.id}.${urlHash(image.sha256)}.${IMAGE_TYPES[image.contentType as ImageType]}`;
}

const FILE = /^([0-9a-f-]{36})\.([0-9a-f]{16})\.(png|jpg|webp)$/;

/** The parts of a requested file name, or null when it cannot be one of ours. */
export function parseImageFile(file: string): { imageId: string; hash: string; ext: string } | null {
  const match = FILE.exec(file);
  return match ? { imageId: match[1]!, hash: match[2]!, ext: match[3]! } : null;
}

/** Whether a tRPC path (one procedure or a batch, "a,b") includes the upload: its body may be that large. */
export const carriesImageUpload = (path: string) => path.startsWith("/trpc/") && path.slice("/trpc/".length).split(",").includes("clinic.brand.uploadImage");
/** The largest image as base64, plus the JSON around it. */
export const IMAGE_UPLOAD_BODY_MAX = Math.ceil((IMAGE_LIMITS.practitioner.maxBytes * 4) / 3) + 16 * 1024;
