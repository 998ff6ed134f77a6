// public.clinic's `brand`: what the booking page shows of the clinic, its services and its people.
// The descriptions and bios come with public.clinic's own reads; only the images cost a query.
import type { Transaction } from "@frontdesk/db";
import { mapLinkFor } from "@frontdesk/domain";
import { publishedImages } from "./published";

export async function publicBrand(
  tx: Transaction,
  clinic: { id: string; accentColour: string | null; description: string | null; address: string | null },
  shown: { services: Array<{ id: string; description: string | null }>; practitioners: Array<{ id: string; bio: string | null }> },
) {
  const images = await publishedImages(tx, clinic.id);
  return {
    logo: images.logo,
    accentColour: clinic.accentColour,
    description: clinic.description,
    mapUrl: mapLinkFor(clinic.address),
    services: Object.fromEntries(shown.services.map((s) => [s.id, { description: s.description }])),
    practitioners: Object.fromEntries(shown.practitioners.map((p) => [p.id, { bio: p.bio, photo: images.photos.get(p.id) ?? null }])),
  };
}
