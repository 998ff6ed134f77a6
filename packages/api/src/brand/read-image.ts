// An upload's bytes as they really are: the type from their signature (image-size reads it, never
// the name or the type the browser claims), the pixel size from their header, within the limits.
import { IMAGE_LIMITS, IMAGE_TYPES, formatByteLimit, type ImagePurpose, type ImageType } from "@frontdesk/domain";
import { imageSize } from "image-size";
import { InvalidFieldsError } from "../errors";

const TYPE_OF: Record<string, ImageType> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" };

export interface ReadImage {
  bytes: Uint8Array;
  contentType: ImageType;
  width: number;
  height: number;
  sha256: string;
}

const refuse = (message: string) => new InvalidFieldsError(message, { contentBase64: [message] });

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

const ACCEPTED = Object.values(IMAGE_TYPES).map((ext) => ext.toUpperCase()).join(", ");

export async function readImage(base64: string, purpose: ImagePurpose): Promise<ReadImage> {
  const limits = IMAGE_LIMITS[purpose];
  const bytes = decodeBase64(base64);
  if (!bytes || bytes.byteLength === 0) throw refuse("The image could not be read");
  if (bytes.byteLength > limits.maxBytes) throw refuse(`The image is larger than ${formatByteLimit(limits.maxBytes)}`);
  let size: ReturnType<typeof imageSize> | undefined;
  try {
    size = imageSize(bytes);
  } catch {
    size = undefined;
  }
  // SVG is refused on purpose: it can carry script. So is every type not listed.
  const contentType = size?.type ? TYPE_OF[size.type] : undefined;
  if (!size || !contentType) throw refuse(`Use a ${ACCEPTED} image (SVG and other types are not accepted)`);
  const { width, height } = size;
  if (!width || !height || Math.max(width, height) > limits.maxSide || Math.min(width, height) < limits.minSide) {
    throw refuse(`The image must be between ${limits.minSide} and ${limits.maxSide} pixels on each side`);
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  return { bytes, contentType, width, height, sha256 };
}
