// clinic.brand.get's answer, also what every brand change answers with.
import { mapLinkFor } from "@frontdesk/domain";
import { practitioners, services } from "@frontdesk/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { clinicOf } from "../../booking/clinic";
import { publishedImages } from "../../brand/published";
import type { StaffScope } from "../../trpc";

export async function brandSettings(staff: StaffScope) {
  const { tx, clinicId } = staff;
  const clinic = await clinicOf(tx, clinicId);
  const images = await publishedImages(tx, clinicId);
  const people = await tx
    .select({ id: practitioners.id, displayName: practitioners.displayName, bio: practitioners.bio })
    .from(practitioners)
    .where(and(eq(practitioners.clinicId, clinicId), eq(practitioners.active, true)))
    .orderBy(asc(practitioners.displayName), asc(practitioners.id));
  const offered = await tx
    .select({ id: services.id, name: services.name, description: services.description })
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.active, true)))
    .orderBy(asc(services.name), asc(services.id));
  return {
    logo: images.logo,
    accentColour: clinic.accentColour,
    description: clinic.description,
    address: clinic.address,
    mapUrl: mapLinkFor(clinic.address),
    practitioners: people.map((p) => ({ ...p, photo: images.photos.get(p.id) ?? null })),
    services: offered,
  };
}
