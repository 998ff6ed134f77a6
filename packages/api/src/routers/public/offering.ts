// What a clinic offers online: bookable services, the practitioners who offer them, and the free
// times a refused booking suggests instead.
import { localDateOf } from "@frontdesk/domain";
import { fixedStatement, type Transaction } from "@frontdesk/db";
import { services } from "@frontdesk/db/schema";
import type { SlotDay } from "@frontdesk/scheduling";
import { and, eq } from "drizzle-orm";
import { findSlots, type ClinicRules } from "../../booking/availability";
import type { Context } from "../../context";
import { NotFoundError } from "../../errors";
import { asPublic } from "./scope";

export const TAKEN = "Sorry, that time was just taken. Here are the next free times that day.";

/** The service if patients may book it online; undefined otherwise. */
export async function serviceIfBookable(tx: Transaction, clinicId: string, serviceId: string) {
  const [service] = await tx
    .select()
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.id, serviceId), eq(services.active, true), eq(services.bookableOnline, true)));
  return service;
}

export async function bookableService(tx: Transaction, clinicId: string, serviceId: string) {
  const service = await serviceIfBookable(tx, clinicId, serviceId);
  if (!service) throw new NotFoundError("Service");
  return service;
}

export type Offering = Array<{ id: string; displayName: string }>;

/** Active practitioners offering the service, by name. */
export function offeringPractitioners(tx: Transaction, clinicId: string, serviceId: string): Promise<Offering> {
  return offeringOf(tx, [clinicId, serviceId]);
}

// A fixed statement (ADR 0067): every booking and every page of free times asks it.
const offeringOf = fixedStatement<Offering[number]>(`
  select p.id, p.display_name as "displayName"
    from practitioners p
    join practitioner_services ps on ps.clinic_id = p.clinic_id and ps.practitioner_id = p.id
   where p.clinic_id = $1 and p.active and ps.service_id = $2
   order by p.display_name, p.id`);

/** All of the offering's ids, or just the one asked for (NotFound if it does not offer the service). */
export function candidatesFrom(offering: Offering, practitionerId?: string): string[] {
  if (practitionerId === undefined) return offering.map((p) => p.id);
  if (!offering.some((p) => p.id === practitionerId)) throw new NotFoundError("Practitioner");
  return [practitionerId];
}

export async function practitionersFor(tx: Transaction, clinicId: string, serviceId: string, practitionerId?: string): Promise<string[]> {
  return candidatesFrom(await offeringPractitioners(tx, clinicId, serviceId), practitionerId);
}

/** A free time in a CONFLICT's `nextSlots`: who is free then stays on the server. */
export const publicSlot = (slot: SlotDay["slots"][number]) => ({ start: slot.start, end: slot.end });

/** Up to six free times on the local day of `around`, from that time on (or the whole day if none is later). */
export async function nextFreeSlots(ctx: Context, clinic: ClinicRules, serviceId: string, practitionerId: string | undefined, around: Date) {
  return asPublic(ctx, clinic.id, async (tx) => {
    const service = await bookableService(tx, clinic.id, serviceId);
    const ids = await practitionersFor(tx, clinic.id, serviceId, practitionerId);
    const date = localDateOf(around, clinic.timezone);
    const [day] = await findSlots(tx, { clinic, service, practitionerIds: ids, from: date, to: date, now: ctx.deps.clock.now() });
    const slots = day?.slots ?? [];
    const later = slots.filter((s) => Date.parse(s.start) > around.getTime());
    return (later.length > 0 ? later : slots).slice(0, 6).map(publicSlot);
  });
}
