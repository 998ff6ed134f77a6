// The waitlist for staff (ADR 0035): who waits for what, the offers each was sent and how they
// ended; add a patient on record, book a waiting patient into a time, take an entry off the list.
import type { Transaction } from "@frontdesk/db";
import { appointments, patients, practitionerServices, practitioners, services, waitlistEntries, waitlistOffers } from "@frontdesk/db/schema";
import { addToWaitlistInput, appointmentView, bookFromWaitlistInput, waitlistEntryInput, waitlistEntryView, waitlistListInput, waitlistListView } from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordStaffAudit } from "../../audit";
import { blockedRange, loadAppointment, presentAppointment, recordEvent } from "../../booking/appointments";
import { lockAppointmentSlot } from "../../booking/race-retry";
import { ConflictError, NotFoundError, RuleError } from "../../errors";
import { notifyAppointmentChange } from "../../notifications/events";
import { procedure, type StaffScope } from "../../trpc";
import { requireWaitlistIn } from "../../waitlist/enabled";
import { enqueueOfferStep } from "../../waitlist/offer-task";

const wanted = alias(practitioners, "wanted_practitioner");

async function entriesOf(tx: Transaction, clinicId: string, where: ReturnType<typeof and>) {
  const rows = await tx
    .select({ entry: waitlistEntries, patientName: patients.fullName, serviceName: services.name, practitionerName: wanted.displayName })
    .from(waitlistEntries)
    .innerJoin(patients, and(eq(patients.clinicId, waitlistEntries.clinicId), eq(patients.id, waitlistEntries.patientId)))
    .innerJoin(services, and(eq(services.clinicId, waitlistEntries.clinicId), eq(services.id, waitlistEntries.serviceId)))
    .leftJoin(wanted, and(eq(wanted.clinicId, waitlistEntries.clinicId), eq(wanted.id, waitlistEntries.practitionerId)))
    .where(and(eq(waitlistEntries.clinicId, clinicId), where))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .limit(500);
  const ids = rows.map((r) => r.entry.id);
  const offers =
    ids.length === 0
      ? []
      : await tx
          .select({ offer: waitlistOffers, practitionerName: practitioners.displayName })
          .from(waitlistOffers)
          .innerJoin(practitioners, and(eq(practitioners.clinicId, waitlistOffers.clinicId), eq(practitioners.id, waitlistOffers.practitionerId)))
          .where(and(eq(waitlistOffers.clinicId, clinicId), inArray(waitlistOffers.entryId, ids)))
          .orderBy(desc(waitlistOffers.createdAt));
  return rows.map((r) => ({
    id: r.entry.id,
    patientId: r.entry.patientId,
    patientName: r.patientName,
    serviceId: r.entry.serviceId,
    serviceName: r.serviceName,
    practitionerId: r.entry.practitionerId,
    practitionerName: r.practitionerName,
    fromDate: r.entry.fromDate,
    toDate: r.entry.toDate,
    timesOfDay: r.entry.timesOfDay as Array<"morning" | "afternoon" | "evening">,
    status: r.entry.status,
    source: r.entry.source,
    appointmentId: r.entry.appointmentId,
    createdAt: r.entry.createdAt.toISOString(),
    offers: offers
      .filter((o) => o.offer.entryId === r.entry.id)
      .map((o) => ({
        id: o.offer.id,
        practitionerId: o.offer.practitionerId,
        practitionerName: o.practitionerName,
        start: o.offer.startsAt.toISOString(),
        expiresAt: o.offer.expiresAt.toISOString(),
        outcome: o.offer.outcome,
        decidedAt: o.offer.decidedAt?.toISOString() ?? null,
      })),
  }));
}

async function waitingEntry(staff: StaffScope, entryId: string) {
  const [entry] = await staff.tx
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.clinicId, staff.clinicId), eq(waitlistEntries.id, entryId)))
    .for("update");
  if (!entry) throw new NotFoundError("Waitlist entry");
  if (entry.status !== "waiting") throw new ConflictError(`This patient is no longer waiting (${entry.status})`, { reason: "ALREADY_DONE" });
  return entry;
}

/** The entry leaves the list: its open offers close, and each of their times moves on to the next patient. */
async function closeOpenOffers(staff: StaffScope, entryId: string, now: Date) {
  const closed = await staff.tx
    .update(waitlistOffers)
    .set({ outcome: "gone", decidedAt: now, updatedAt: now })
    .where(and(eq(waitlistOffers.clinicId, staff.clinicId), eq(waitlistOffers.entryId, entryId), eq(waitlistOffers.outcome, "pending")))
    .returning({ practitionerId: waitlistOffers.practitionerId, start: waitlistOffers.startsAt });
  for (const time of closed) await enqueueOfferStep(staff.tx, time);
}

export const waitlistRouter = {
  list: procedure("waitlist.list")
    .meta({ openapi: { method: "GET", path: "/waitlist", tags: ["Waitlist"], protect: true, summary: "Waitlist entries by status, with the offers each was sent and how they ended" } })
    .output(waitlistListView)
    .input(waitlistListInput)
    .query(async ({ ctx, input }) => ({ items: await entriesOf(ctx.staff.tx, ctx.staff.clinicId, eq(waitlistEntries.status, input.status)) })),

  add: procedure("waitlist.add")
    .meta({ openapi: { method: "POST", path: "/waitlist", tags: ["Waitlist"], protect: true, summary: "Put a patient on record on the waitlist" } })
    .output(waitlistEntryView)
    .input(addToWaitlistInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      await requireWaitlistIn(staff.tx, staff.clinicId);
      const [patient] = await staff.tx.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, input.patientId)));
      if (!patient) throw new NotFoundError("Patient");
      const [service] = await staff.tx.select({ id: services.id }).from(services).where(and(eq(services.clinicId, staff.clinicId), eq(services.id, input.serviceId), eq(services.active, true)));
      if (!service) throw new NotFoundError("Service");
      if (input.practitionerId) {
        const [offers] = await staff.tx
          .select({ id: practitionerServices.practitionerId })
          .from(practitionerServices)
          .where(and(eq(practitionerServices.clinicId, staff.clinicId), eq(practitionerServices.practitionerId, input.practitionerId), eq(practitionerServices.serviceId, input.serviceId)));
        if (!offers) throw new RuleError("This practitioner does not offer this service", "NOT_OFFERED");
      }
      const [entry] = await staff.tx
        .insert(waitlistEntries)
        .values({ clinicId: staff.clinicId, patientId: input.patientId, serviceId: input.serviceId, practitionerId: input.practitionerId ?? null, fromDate: input.fromDate, toDate: input.toDate, timesOfDay: input.timesOfDay, source: "staff" })
        .returning({ id: waitlistEntries.id });
      await recordStaffAudit(ctx, { action: "create", entity: "waitlist_entry", entityId: entry!.id, changes: { patientId: [null, input.patientId], serviceId: [null, input.serviceId] } });
      const [view] = await entriesOf(staff.tx, staff.clinicId, eq(waitlistEntries.id, entry!.id));
      return view!;
    }),

  remove: procedure("waitlist.remove")
    .meta({ openapi: { method: "POST", path: "/waitlist/{entryId}/remove", tags: ["Waitlist"], protect: true, summary: "Take an entry off the waitlist (its open offers move on)" } })
    .output(waitlistEntryView)
    .input(waitlistEntryInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const now = ctx.deps.clock.now();
      await waitingEntry(staff, input.entryId);
      await staff.tx.update(waitlistEntries).set({ status: "removed", updatedAt: now }).where(and(eq(waitlistEntries.clinicId, staff.clinicId), eq(waitlistEntries.id, input.entryId)));
      await closeOpenOffers(staff, input.entryId, now);
      await recordStaffAudit(ctx, { action: "remove", entity: "waitlist_entry", entityId: input.entryId, changes: { status: ["waiting", "removed"] } });
      const [view] = await entriesOf(staff.tx, staff.clinicId, eq(waitlistEntries.id, input.entryId));
      return view!;
    }),

  /** Staff book a waiting patient into a time they chose: outside the online rules, never over another appointment. */
  book: procedure("waitlist.book")
    .meta({ openapi: { method: "POST", path: "/waitlist/{entryId}/book", tags: ["Waitlist"], protect: true, summary: "Book a waiting patient into a time (outside the online rules, never over another appointment)" } })
    .output(appointmentView)
    .input(bookFromWaitlistInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const now = ctx.deps.clock.now();
      const entry = await waitingEntry(staff, input.entryId);
      const [service] = await staff.tx.select().from(services).where(and(eq(services.clinicId, staff.clinicId), eq(services.id, entry.serviceId)));
      const [offered] = await staff.tx
        .select({ id: practitionerServices.practitionerId })
        .from(practitionerServices)
        .where(and(eq(practitionerServices.clinicId, staff.clinicId), eq(practitionerServices.practitionerId, input.practitionerId), eq(practitionerServices.serviceId, entry.serviceId)));
      if (!service) throw new NotFoundError("Service");
      if (!offered) throw new RuleError("This practitioner does not offer this service", "NOT_OFFERED");
      const times = blockedRange(new Date(input.start), service);
      await lockAppointmentSlot(staff.tx, { clinicId: staff.clinicId, practitionerId: input.practitionerId, ...times });
      const [appointment] = await staff.tx
        .insert(appointments)
        // The patient joined in this language (ADR 0057): the appointment's messages keep it.
        .values({ clinicId: staff.clinicId, practitionerId: input.practitionerId, serviceId: service.id, patientId: entry.patientId, ...times, status: "booked", source: "staff", language: entry.language })
        .returning();
      await staff.tx
        .update(waitlistEntries)
        .set({ status: "booked", appointmentId: appointment!.id, updatedAt: now })
        .where(and(eq(waitlistEntries.clinicId, staff.clinicId), eq(waitlistEntries.id, entry.id)));
      await closeOpenOffers(staff, entry.id, now);
      await recordEvent(staff.tx, { clinicId: staff.clinicId, appointmentId: appointment!.id, practitionerId: input.practitionerId, kind: "created" });
      await notifyAppointmentChange(staff.tx, { clinicId: staff.clinicId, appointmentId: appointment!.id, event: "booked", version: appointment!.version, by: "staff" });
      await recordStaffAudit(ctx, {
        action: "create",
        entity: "appointment",
        entityId: appointment!.id,
        changes: { start: [null, times.startsAt.toISOString()], practitionerId: [null, input.practitionerId], serviceId: [null, service.id], patientId: [null, entry.patientId], waitlistEntryId: [null, entry.id] },
      });
      const row = await loadAppointment(staff.tx, staff.clinicId, appointment!.id);
      return presentAppointment(row.appointment, row);
    }),
} satisfies TRPCRouterRecord;
