// A service as the settings screens see it: its fields and their rules, loaded in the clinic.
import { services } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { NotFoundError } from "../../errors";
import type { StaffScope } from "../../trpc";


export async function loadService(staff: StaffScope, serviceId: string) {
  const [service] = await staff.tx
    .select()
    .from(services)
    .where(and(eq(services.clinicId, staff.clinicId), eq(services.id, serviceId)));
  if (!service) throw new NotFoundError("Service");
  return service;
}

export const view = (s: typeof services.$inferSelect, practitionerIds: string[]) => ({
  id: s.id,
  name: s.name,
  durationMinutes: s.durationMinutes,
  bufferBeforeMinutes: s.bufferBeforeMinutes,
  bufferAfterMinutes: s.bufferAfterMinutes,
  priceCents: s.priceCents,
  bookableOnline: s.bookableOnline,
  active: s.active,
  noteSections: s.noteSections,
  practitionerIds,
});
