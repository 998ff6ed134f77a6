// A service as the settings screens see it: its fields and their rules, loaded in the clinic.
import { services } from "@frontdesk/db/schema";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { NotFoundError } from "../../errors";
import type { StaffScope } from "../../trpc";

const minutes = (max: number, label: string) =>
  z.number().int(`${label} must be whole minutes`).min(0, `${label} cannot be negative`).max(max, `${label} is at most ${max} minutes`);

export const serviceFields = {
  name: z.string().trim().min(1, "Enter a name").max(120, "Name is too long"),
  durationMinutes: minutes(1440, "Duration").min(1, "Duration must be at least 1 minute"),
  bufferBeforeMinutes: minutes(240, "Buffer before"),
  bufferAfterMinutes: minutes(240, "Buffer after"),
  /** In the clinic currency's minor unit; null: price on request. */
  priceCents: z.number().int("Price is in cents").min(0, "Price cannot be negative").max(100_000_000, "Price is too high").nullable(),
  bookableOnline: z.boolean(),
  active: z.boolean(),
};

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
  practitionerIds,
});
