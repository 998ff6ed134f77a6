// public.clinic: what a clinic's booking page shows: bookable services, who offers them, and the
// booking policy. Nothing about patients.
import { clinicPageView } from "@frontdesk/domain";
import { clinicInput } from "@frontdesk/domain";
import { practitionerServices, practitioners, services } from "@frontdesk/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { procedure } from "../../trpc";
import { flagsOfClinic } from "../../flags/read";
import { asPublic, clinicBySlug } from "./scope";
import { publicBrand } from "../../brand/public-brand";

export const clinic = procedure("public.clinic")
    .meta({ openapi: { method: "GET", path: "/clinics/{clinicSlug}", tags: ["Booking"], protect: false, summary: "A clinic's booking page: bookable services, who offers them, the booking policy" } })
    .output(clinicPageView)
  .input(clinicInput)
  .query(async ({ ctx, input }) => {
    const clinic = await clinicBySlug(ctx, input.clinicSlug);
    const flags = flagsOfClinic(clinic);
    return asPublic(ctx, clinic.id, async (tx) => {
      const offered = await tx
        .select({ id: services.id, name: services.name, durationMinutes: services.durationMinutes, priceCents: services.priceCents, description: services.description })
        .from(services)
        .where(and(eq(services.clinicId, clinic.id), eq(services.active, true), eq(services.bookableOnline, true)))
        .orderBy(asc(services.name));
      const links = await tx
        .select({ id: practitioners.id, displayName: practitioners.displayName, colour: practitioners.colour, bio: practitioners.bio, serviceId: practitionerServices.serviceId })
        .from(practitioners)
        .innerJoin(
          practitionerServices,
          and(eq(practitionerServices.clinicId, practitioners.clinicId), eq(practitionerServices.practitionerId, practitioners.id)),
        )
        .where(and(eq(practitioners.clinicId, clinic.id), eq(practitioners.active, true)))
        .orderBy(asc(practitioners.displayName));
      const bookable = new Set(offered.map((s) => s.id));
      const people = new Map<string, { id: string; displayName: string; colour: string; bio: string | null; serviceIds: string[] }>();
      for (const link of links) {
        if (!bookable.has(link.serviceId)) continue;
        const person = people.get(link.id) ?? { id: link.id, displayName: link.displayName, colour: link.colour, bio: link.bio, serviceIds: [] };
        person.serviceIds.push(link.serviceId);
        people.set(link.id, person);
      }
      return {
        id: clinic.id,
        slug: clinic.slug,
        name: clinic.name,
        timezone: clinic.timezone,
        locale: clinic.locale,
        currency: clinic.currency,
        address: clinic.address,
        phone: clinic.phone,
        policy: {
          minNoticeMinutes: clinic.minNoticeMinutes,
          horizonDays: clinic.horizonDays,
          slotStepMinutes: clinic.slotStepMinutes,
          cancellationNoticeMinutes: clinic.cancellationNoticeMinutes,
        },
        services: offered,
        practitioners: [...people.values()],
        features: { onlineBooking: flags.onlineBooking, waitlist: flags.waitlist },
        brand: await publicBrand(tx, clinic, { services: offered, practitioners: [...people.values()] }),
        embedOrigins: clinic.embedOrigins,
      };
    });
  });
