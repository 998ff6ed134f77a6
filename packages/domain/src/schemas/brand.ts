// The clinic's brand (clinic.brand.*, ADR 0049): accent colour, description, logo, practitioners'
// photos and bios, service descriptions.
import { z } from "zod";
import { accentContrastMessage, accentContrastProblem, BRAND_TEXT_LIMITS, formatByteLimit, IMAGE_LIMITS, IMAGE_PURPOSES, isHexColour } from "../brand";
import { id, text } from "./fields";

/** "" and null both clear it. */
const clearableText = (max: number, tooLong: string) =>
  text(max, tooLong)
    .nullable()
    .transform((value) => value || null);

/** #rrggbb, readable against the booking page's colours (WCAG AA); null: the default accent. */
export const accentColour = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isHexColour, "Use a colour such as #1d5fb8")
  .superRefine((value, ctx) => {
    if (!isHexColour(value)) return;
    const problem = accentContrastProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: accentContrastMessage(problem) });
  })
  .nullable();

export const brandDescription = clearableText(BRAND_TEXT_LIMITS.description, `At most ${BRAND_TEXT_LIMITS.description} characters`);
export const practitionerBio = clearableText(BRAND_TEXT_LIMITS.bio, `At most ${BRAND_TEXT_LIMITS.bio} characters`);
export const serviceDescription = clearableText(BRAND_TEXT_LIMITS.serviceDescription, `At most ${BRAND_TEXT_LIMITS.serviceDescription} characters`);

export const updateBrandInput = z.object({
  accentColour: accentColour.optional(),
  description: brandDescription.optional(),
  /** An uploaded logo (clinic.brand.uploadImage) to publish, or null to show none. */
  logoImageId: id.nullable().optional(),
});

export const practitionerProfileInput = z.object({
  practitionerId: id,
  bio: practitionerBio.optional(),
  /** An uploaded photo of this practitioner to publish, or null to show none. */
  photoImageId: id.nullable().optional(),
});

export const serviceDescriptionInput = z.object({ serviceId: id, description: serviceDescription });

/** Base64 of the largest image allowed, with room for padding. */
const MAX_BASE64 = Math.ceil((IMAGE_LIMITS.practitioner.maxBytes * 4) / 3) + 4;

/** The image travels as base64 inside the JSON call (ADR 0049); its type is read from its bytes on the server. */
export const uploadImageInput = z
  .object({
    purpose: z.enum(IMAGE_PURPOSES, { error: "Choose logo or practitioner" }),
    /** For a practitioner's photo: whose. */
    practitionerId: id.optional(),
    contentBase64: z
      .string()
      .min(1, "Choose an image")
      .max(MAX_BASE64, `The image is larger than ${formatByteLimit(IMAGE_LIMITS.practitioner.maxBytes)}`)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The image could not be read")
      // Padded base64, as browsers write it, comes in groups of four characters.
      .refine((text) => text.length % 4 === 0, "The image could not be read"),
  })
  .refine((input) => (input.purpose === "practitioner") === (input.practitionerId !== undefined), {
    message: "A practitioner's photo names the practitioner, and only it",
    path: ["practitionerId"],
  });
