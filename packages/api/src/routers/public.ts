// What anyone may do on a clinic's public page: see it, find a time, book, and manage a booking
// with the link from the confirmation e-mail. Patient rows are written here but never read back out.
import { createCapabilityToken, parseCapabilityToken } from "@frontdesk/auth";
import { PG, postgresErrorCode, withTenant, type Transaction } from "@frontdesk/db";
import { appointments, bookingTokens, clinics, patients, practitionerServices, practitioners, services } from "@frontdesk/db/schema";
import type { SlotDay } from "@frontdesk/scheduling";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { bookInput, bookingCancelInput, bookingGetInput, bookingRescheduleInput, clinicInput, slotsInput } from "@frontdesk/domain";
import type { z } from "zod";
import { recordAudit } from "../audit";
import { assertTransition, blockedRange, isOpen, loadAppointment, presentAppointment, recordEvent } from "../booking/appointments";
import { findSlots, localDateOf, slotAt, type ClinicRules } from "../booking/availability";
import { clinicCacheFor, type CacheKind, type Cached } from "../booking/clinic-cache";
import { confirmationMail, describeTime } from "../booking/confirmation";
import { enforceLimits, type Limit } from "../booking/rate-limit";
import type { Context } from "../context";
import { ConflictError, isSlotTaken, NotFoundError, RuleError } from "../errors";
import type { ServerDeps } from "../ports";
import { procedure } from "../trpc";

const TAKEN = "Sorry, that time was just taken. Here are the next free times that day.";
const MANAGE_LINK_DAYS_AFTER = 30;

type Clinic = typeof clinics.$inferSelect;

// What each server process keeps in memory (booking/clinic-cache.ts): a clinic's row, dropped when
// the row changes; and free times, dropped when anything they are computed from changes.
const CLINICS: CacheKind = { name: "clinic by slug", options: { dependsOn: ["clinics"], maxEntries: 1000, maxAgeMs: 60_000 } };
const SLOTS: CacheKind = {
  name: "public.slots",
  options: {
    dependsOn: ["appointments", "working_hours", "schedule_exceptions", "services", "practitioners", "practitioner_services", "clinics"],
    // About 100 kB in memory for a month of 15-minute times: at most about 20 MB per process.
    maxEntries: 200,
    maxAgeMs: 30_000,
  },
};

/** Nothing about this answer expires on its own; the cache's own age limit applies. */
const NO_EXPIRY = new Date(8.64e15);

async function clinicBySlug(ctx: Context, slug: string): Promise<Clinic> {
  const load = async (): Promise<Cached<Clinic>> => {
    const [clinic] = await ctx.deps.db.transaction((tx) => tx.select().from(clinics).where(eq(clinics.slug, slug)));
    if (!clinic) throw new NotFoundError("Clinic");
    return { clinicId: clinic.id, value: clinic, expiresAt: NO_EXPIRY };
  };
  const cache = clinicCacheFor<Clinic>(ctx.deps, CLINICS);
  return cache ? cache.get(slug, load) : (await load()).value;
}

const asPublic = <T>(ctx: Context, clinicId: string, work: (tx: Transaction) => Promise<T>) =>
  withTenant(ctx.deps.db, { clinicId, userId: null, role: "public" }, work);

/** The service if patients may book it online; undefined otherwise. */
async function serviceIfBookable(tx: Transaction, clinicId: string, serviceId: string) {
  const [service] = await tx
    .select()
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.id, serviceId), eq(services.active, true), eq(services.bookableOnline, true)));
  return service;
}

async function bookableService(tx: Transaction, clinicId: string, serviceId: string) {
  const service = await serviceIfBookable(tx, clinicId, serviceId);
  if (!service) throw new NotFoundError("Service");
  return service;
}

type Offering = Array<{ id: string; displayName: string }>;

/** Active practitioners offering the service, by name. */
function offeringPractitioners(tx: Transaction, clinicId: string, serviceId: string): Promise<Offering> {
  return tx
    .select({ id: practitioners.id, displayName: practitioners.displayName })
    .from(practitioners)
    .innerJoin(
      practitionerServices,
      and(eq(practitionerServices.clinicId, practitioners.clinicId), eq(practitionerServices.practitionerId, practitioners.id)),
    )
    .where(and(eq(practitioners.clinicId, clinicId), eq(practitioners.active, true), eq(practitionerServices.serviceId, serviceId)))
    .orderBy(asc(practitioners.displayName), asc(practitioners.id));
}

/** All of the offering's ids, or just the one asked for (NotFound if it does not offer the service). */
function candidatesFrom(offering: Offering, practitionerId?: string): string[] {
  if (practitionerId === undefined) return offering.map((p) => p.id);
  if (!offering.some((p) => p.id === practitionerId)) throw new NotFoundError("Practitioner");
  return [practitionerId];
}

async function practitionersFor(tx: Transaction, clinicId: string, serviceId: string, practitionerId?: string): Promise<string[]> {
  return candidatesFrom(await offeringPractitioners(tx, clinicId, serviceId), practitionerId);
}

/** A free time in a CONFLICT's `nextSlots`: who is free then stays on the server. */
const publicSlot = (slot: SlotDay["slots"][number]) => ({ start: slot.start, end: slot.end });

/**
 * The free times as patients see them: per local day, the instants an appointment may start
 * (each lasts `durationMinutes`). Who is free then stays on the server, since the booking picks
 * the practitioner; that keeps a month of 15-minute times small (about 35 kB for 1500 times).
 */
interface PublicSlots {
  timezone: string;
  durationMinutes: number;
  days: Array<{ date: string; starts: string[] }>;
}

/** A cached public.slots answer with its JSON, made once per load for handler.ts's cached reads. */
interface SlotsAnswer {
  slots: PublicSlots;
  json: string;
}

type SlotsInput = z.output<typeof slotsInput>;

const slotsKey = (input: SlotsInput) => [input.clinicSlug, input.serviceId, input.practitionerId ?? "", input.from, input.to].join("|");

/** The per-IP limit on public.slots (none when limits are off or the address is unknown). */
export function slotsLimits(deps: Pick<ServerDeps, "rateLimits">, ip: string | null): Limit[] {
  const limits = deps.rateLimits;
  return limits && ip ? [{ key: `slots:ip:${ip}`, max: limits.slotsPerIpPerMinute, windowSeconds: 60 }] : [];
}

/** The JSON of the public.slots answer for `input` if this process holds a fresh one; never loads. */
export function cachedSlotsJson(deps: ServerDeps, input: SlotsInput): string | undefined {
  return clinicCacheFor<SlotsAnswer>(deps, SLOTS)?.peek(slotsKey(input))?.json;
}

/** The free times for `input`, and until when they stay right if nothing changes. */
async function loadPublicSlots(ctx: Context, input: SlotsInput): Promise<Cached<PublicSlots>> {
  const clinic = await clinicBySlug(ctx, input.clinicSlug);
  const { service, days } = await asPublic(ctx, clinic.id, async (tx) => {
    const service = await bookableService(tx, clinic.id, input.serviceId);
    const ids = await practitionersFor(tx, clinic.id, input.serviceId, input.practitionerId);
    return { service, days: await findSlots(tx, { clinic, service, practitionerIds: ids, from: input.from, to: input.to, now: ctx.deps.clock.now() }) };
  });
  // The earliest time leaves the answer once it falls inside the minimum notice.
  const first = days.find((day) => day.slots.length > 0)?.slots[0];
  return {
    clinicId: clinic.id,
    value: {
      timezone: clinic.timezone,
      durationMinutes: service.durationMinutes,
      days: days.map((day) => ({ date: day.date, starts: day.slots.map((slot) => slot.start) })),
    },
    expiresAt: first ? new Date(Date.parse(first.start) - clinic.minNoticeMinutes * 60_000) : NO_EXPIRY,
  };
}

/** Up to six free times on the local day of `around`, from that time on (or the whole day if none is later). */
async function nextFreeSlots(ctx: Context, clinic: ClinicRules, serviceId: string, practitionerId: string | undefined, around: Date) {
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

/** The least-booked of `candidates` on the local day of `start` (ties: the first, by name). */
async function leastBooked(tx: Transaction, clinic: ClinicRules, candidates: string[], start: Date): Promise<string> {
  if (candidates.length === 1) return candidates[0]!;
  const date = localDateOf(start, clinic.timezone);
  const around = await tx
    .select({ practitionerId: appointments.practitionerId, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinic.id),
        inArray(appointments.practitionerId, candidates),
        inArray(appointments.status, ["booked", "confirmed", "arrived", "completed"]),
        gt(appointments.startsAt, new Date(start.getTime() - 36 * 60 * 60_000)),
        sql`${appointments.startsAt} < ${new Date(start.getTime() + 36 * 60 * 60_000).toISOString()}::timestamptz`,
      ),
    );
  const counts = new Map(candidates.map((c) => [c, 0]));
  for (const row of around) if (localDateOf(row.startsAt, clinic.timezone) === date) counts.set(row.practitionerId, (counts.get(row.practitionerId) ?? 0) + 1);
  return [...candidates].sort((x, y) => counts.get(x)! - counts.get(y)!)[0]!;
}

/**
 * The clinic's (unarchived) patient with this e-mail, if any. Patients are hidden from the public
 * scope (migration 0012): this function of the database answers the id and nothing else.
 */
async function patientIdByEmail(tx: Transaction, clinicId: string, email: string): Promise<string | undefined> {
  const [existing] = await tx.execute<{ id: string | null }>(sql`select booking_patient_id(${clinicId}, ${email}) as id`);
  return existing?.id ?? undefined;
}

/** A new manage link for the appointment; its insert is issued before this returns (see recordAudit). */
function issueManageLink(ctx: Context, tx: Transaction, clinicId: string, appointmentId: string, end: Date) {
  const { token, tokenHash } = createCapabilityToken(clinicId);
  const link = { manageToken: token, manageUrl: `${ctx.deps.publicUrl}/booking/${token}` };
  return tx
    .insert(bookingTokens)
    .values({ clinicId, appointmentId, tokenHash, expiresAt: new Date(end.getTime() + MANAGE_LINK_DAYS_AFTER * 24 * 60 * 60_000) })
    .execute()
    .then(() => link);
}

async function previousBookingId(tx: Transaction, clinicId: string, idempotencyKey: string): Promise<string | undefined> {
  const [previous] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.idempotencyKey, idempotencyKey)));
  return previous?.id;
}

/** The appointment booked earlier with this idempotency key, with a fresh manage link; undefined if none. */
async function replay(ctx: Context, tx: Transaction, clinic: Clinic, input: z.output<typeof bookInput>) {
  const previousId = await previousBookingId(tx, clinic.id, input.idempotencyKey);
  return previousId === undefined ? undefined : replayOf(ctx, tx, clinic, input, previousId);
}

async function replayOf(ctx: Context, tx: Transaction, clinic: Clinic, input: z.output<typeof bookInput>, previousId: string) {
  const row = await loadAppointment(tx, clinic.id, previousId);
  if (row.appointment.serviceId !== input.serviceId || row.appointment.startsAt.getTime() !== Date.parse(input.start)) {
    throw new ConflictError("This booking attempt was already used for another time. Please start again.", { reason: "IDEMPOTENCY_KEY_REUSED" });
  }
  const link = await issueManageLink(ctx, tx, clinic.id, row.appointment.id, row.appointment.endsAt);
  return { appointment: { ...presentAppointment(row.appointment, row), clinicName: clinic.name, timezone: clinic.timezone }, ...link };
}

/** A manage link's appointment and clinic, or NotFound for a malformed, unknown or expired link. */
async function fromLink(ctx: Context, token: string) {
  const parsed = parseCapabilityToken(token);
  if (!parsed) throw new NotFoundError("Booking");
  const [clinic] = await ctx.deps.db.transaction((tx) => tx.select().from(clinics).where(eq(clinics.id, parsed.clinicId)));
  if (!clinic) throw new NotFoundError("Booking");
  return { clinic, tokenHash: parsed.tokenHash };
}

async function linkedAppointment(ctx: Context, tx: Transaction, clinic: Clinic, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  const [link] = await tx
    .select({ appointmentId: bookingTokens.appointmentId })
    .from(bookingTokens)
    .where(and(eq(bookingTokens.clinicId, clinic.id), eq(bookingTokens.tokenHash, tokenHash), gt(bookingTokens.expiresAt, ctx.deps.clock.now())));
  if (!link) throw new NotFoundError("Booking");
  return loadAppointment(tx, clinic.id, link.appointmentId, options);
}

/** Patients may change a booking online until the clinic's cancellation notice starts. */
function changeWindow(clinic: Clinic, start: Date, now: Date) {
  const until = new Date(start.getTime() - clinic.cancellationNoticeMinutes * 60_000);
  return { changeableUntil: until, inWindow: now < until };
}

function assertChangeable(clinic: Clinic, row: { status: (typeof appointments.$inferSelect)["status"]; startsAt: Date }, now: Date) {
  if (!isOpen(row.status)) throw new RuleError(`This appointment is ${row.status.replace("_", "-")}: it cannot be changed online`, "INVALID_TRANSITION");
  const { changeableUntil, inWindow } = changeWindow(clinic, row.startsAt, now);
  if (!inWindow) {
    const until = new Intl.DateTimeFormat(clinic.locale, { timeZone: clinic.timezone, dateStyle: "full", timeStyle: "short" }).format(changeableUntil);
    throw new RuleError(`Online changes were possible until ${until}. Please call ${clinic.name}.`, "OUTSIDE_NOTICE");
  }
}

const manageLimit = (ctx: Context) =>
  enforceLimits(ctx, ctx.deps.rateLimits && ctx.ip ? [{ key: `manage:ip:${ctx.ip}`, max: ctx.deps.rateLimits.managePerIpPerHour, windowSeconds: 3600 }] : []);

export const publicRouter = {
  clinic: procedure("public.clinic")
    .input(clinicInput)
    .query(async ({ ctx, input }) => {
      const clinic = await clinicBySlug(ctx, input.clinicSlug);
      return asPublic(ctx, clinic.id, async (tx) => {
        const offered = await tx
          .select({ id: services.id, name: services.name, durationMinutes: services.durationMinutes, priceCents: services.priceCents })
          .from(services)
          .where(and(eq(services.clinicId, clinic.id), eq(services.active, true), eq(services.bookableOnline, true)))
          .orderBy(asc(services.name));
        const links = await tx
          .select({ id: practitioners.id, displayName: practitioners.displayName, colour: practitioners.colour, serviceId: practitionerServices.serviceId })
          .from(practitioners)
          .innerJoin(
            practitionerServices,
            and(eq(practitionerServices.clinicId, practitioners.clinicId), eq(practitionerServices.practitionerId, practitioners.id)),
          )
          .where(and(eq(practitioners.clinicId, clinic.id), eq(practitioners.active, true)))
          .orderBy(asc(practitioners.displayName));
        const bookable = new Set(offered.map((s) => s.id));
        const people = new Map<string, { id: string; displayName: string; colour: string; serviceIds: string[] }>();
        for (const link of links) {
          if (!bookable.has(link.serviceId)) continue;
          const person = people.get(link.id) ?? { id: link.id, displayName: link.displayName, colour: link.colour, serviceIds: [] };
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
          policy: {
            minNoticeMinutes: clinic.minNoticeMinutes,
            horizonDays: clinic.horizonDays,
            slotStepMinutes: clinic.slotStepMinutes,
            cancellationNoticeMinutes: clinic.cancellationNoticeMinutes,
          },
          services: offered,
          practitioners: [...people.values()],
        };
      });
    }),

  slots: procedure("public.slots")
    .input(slotsInput)
    .query(async ({ ctx, input }) => {
      await enforceLimits(ctx, slotsLimits(ctx.deps, ctx.ip));
      const cache = clinicCacheFor<SlotsAnswer>(ctx.deps, SLOTS);
      if (!cache) return (await loadPublicSlots(ctx, input)).value;
      const answer = await cache.get(slotsKey(input), async () => {
        const loaded = await loadPublicSlots(ctx, input);
        return { ...loaded, value: { slots: loaded.value, json: JSON.stringify(loaded.value) } };
      });
      return answer.slots;
    }),

  book: procedure("public.book")
    .input(bookInput)
    .mutation(async ({ ctx, input }) => {
      const limits = ctx.deps.rateLimits;
      await enforceLimits(
        ctx,
        limits
          ? [
              ...(ctx.ip ? [{ key: `book:ip:${ctx.ip}`, max: limits.bookPerIpPerHour, windowSeconds: 3600 }] : []),
              { key: `book:email:${input.patient.email}`, max: limits.bookPerEmailPerHour, windowSeconds: 3600 },
            ]
          : [],
      );
      const clinic = await clinicBySlug(ctx, input.clinicSlug);
      const start = new Date(input.start);
      const now = ctx.deps.clock.now();

      let booked;
      try {
        booked = await asPublic(ctx, clinic.id, async (tx) => {
          // Everything the booking reads before deciding, sent together: one round trip
          // (postgres.js pipelines the queries of one connection).
          const [previousId, service, offering, knownPatientId] = await Promise.all([
            previousBookingId(tx, clinic.id, input.idempotencyKey),
            serviceIfBookable(tx, clinic.id, input.serviceId),
            offeringPractitioners(tx, clinic.id, input.serviceId),
            // Looked up whether or not it is needed: the same path for patients and strangers.
            patientIdByEmail(tx, clinic.id, input.patient.email),
          ]);
          if (previousId !== undefined) return { answer: await replayOf(ctx, tx, clinic, input, previousId), mail: undefined };
          if (!service) throw new NotFoundError("Service");
          const candidates = candidatesFrom(offering, input.practitionerId);
          // The engine has the first word (rules, hours, time off, known appointments)...
          const date = localDateOf(start, clinic.timezone);
          const days = await findSlots(tx, { clinic, service, practitionerIds: candidates, from: date, to: date, now });
          const slot = slotAt(days, start);
          if (!slot) {
            const free = days[0]?.slots ?? [];
            const later = free.filter((s) => Date.parse(s.start) > start.getTime());
            throw new ConflictError("Sorry, that time is not available. Here are the free times that day.", {
              reason: "SLOT_UNAVAILABLE",
              details: { nextSlots: (later.length > 0 ? later : free).slice(0, 6).map(publicSlot) },
            });
          }
          const practitionerId = await leastBooked(tx, clinic, slot.practitionerIds, start);
          const patientId = knownPatientId ?? crypto.randomUUID();
          const appointmentId = crypto.randomUUID();
          const times = blockedRange(start, service);
          // ...and the exclusion constraint the last: a concurrent booking of the same time fails
          // at the appointment's insert. The writes are issued in this order and sent together;
          // when one fails, the ones after it fail too and the transaction rolls back whole.
          const [, [appointment], link] = await Promise.all([
            knownPatientId
              ? undefined
              : tx
                  .insert(patients)
                  .values({ id: patientId, clinicId: clinic.id, fullName: input.patient.name, email: input.patient.email, phone: input.patient.phone ?? null, dateOfBirth: input.patient.dateOfBirth ?? null })
                  .execute(),
            tx
              .insert(appointments)
              .values({
                id: appointmentId,
                clinicId: clinic.id,
                practitionerId,
                serviceId: service.id,
                patientId,
                ...times,
                status: "booked",
                source: "online",
                notes: input.note ?? null,
                idempotencyKey: input.idempotencyKey,
              })
              .returning()
              .execute(),
            issueManageLink(ctx, tx, clinic.id, appointmentId, times.endsAt),
            recordEvent(tx, { clinicId: clinic.id, appointmentId, practitionerId, kind: "created" }),
            recordAudit(tx, {
              clinicId: clinic.id,
              actorUserId: null,
              actorKind: "online_booking",
              action: "create",
              entity: "appointment",
              entityId: appointmentId,
              changes: {
                start: [null, start.toISOString()],
                practitionerId: [null, practitionerId],
                serviceId: [null, service.id],
                status: [null, "booked"],
              },
              requestId: ctx.requestId,
            }),
          ]);
          const names = { serviceName: service.name, practitionerName: offering.find((p) => p.id === practitionerId)!.displayName };
          const answer = { appointment: { ...presentAppointment(appointment!, names), clinicName: clinic.name, timezone: clinic.timezone }, ...link };
          return { answer, mail: { appointment: appointment!, names, link } };
        });
      } catch (error) {
        const code = postgresErrorCode(error);
        const lostRace = isSlotTaken(error) || code === PG.uniqueViolation || error instanceof ConflictError;
        if (!lostRace) throw error;
        // A concurrent request with the same key may have won (double click, retry): whether it
        // committed before our insert or before our slot check, answer with its appointment.
        const again = await asPublic(ctx, clinic.id, (tx) => replay(ctx, tx, clinic, input));
        if (again) return again;
        if (error instanceof ConflictError || code === PG.uniqueViolation) throw error;
        throw new ConflictError(TAKEN, { reason: "SLOT_TAKEN", details: { nextSlots: await nextFreeSlots(ctx, clinic, input.serviceId, input.practitionerId, start) } });
      }

      if (booked.mail) {
        const { appointment, names, link } = booked.mail;
        // The booking stands even if the e-mail fails: the page shows the same link.
        await ctx.deps.mailer
          .send(
            confirmationMail({
              to: input.patient.email,
              appointmentId: appointment.id,
              start: appointment.startsAt,
              end: appointment.endsAt,
              clinic,
              serviceName: names.serviceName,
              practitionerName: names.practitionerName,
              manageUrl: link.manageUrl,
              now,
            }),
          )
          .catch((error: unknown) =>
            ctx.deps.logger.error({ requestId: ctx.requestId, kind: error instanceof Error ? error.name : "unknown" }, "confirmation mail failed"),
          );
      }
      return booked.answer;
    }),

  booking: {
    get: procedure("public.booking.get")
      .input(bookingGetInput)
      .query(async ({ ctx, input }) => {
        await manageLimit(ctx);
        const { clinic, tokenHash } = await fromLink(ctx, input.token);
        const row = await asPublic(ctx, clinic.id, (tx) => linkedAppointment(ctx, tx, clinic, tokenHash));
        const { changeableUntil, inWindow } = changeWindow(clinic, row.appointment.startsAt, ctx.deps.clock.now());
        return {
          appointment: { ...presentAppointment(row.appointment, row), clinicName: clinic.name, timezone: clinic.timezone },
          clinic: {
            slug: clinic.slug,
            name: clinic.name,
            timezone: clinic.timezone,
            locale: clinic.locale,
            address: clinic.address,
            cancellationNoticeMinutes: clinic.cancellationNoticeMinutes,
          },
          canChange: inWindow && isOpen(row.appointment.status),
          changeableUntil: changeableUntil.toISOString(),
          when: describeTime(row.appointment.startsAt, row.appointment.endsAt, clinic.timezone, clinic.locale),
        };
      }),

    cancel: procedure("public.booking.cancel")
      .input(bookingCancelInput)
      .mutation(async ({ ctx, input }) => {
        await manageLimit(ctx);
        const { clinic, tokenHash } = await fromLink(ctx, input.token);
        return asPublic(ctx, clinic.id, async (tx) => {
          const row = await linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
          const current = row.appointment;
          assertChangeable(clinic, current, ctx.deps.clock.now());
          assertTransition(current.status, "cancelled");
          const [updated] = await tx
            .update(appointments)
            .set({ status: "cancelled", cancelReason: input.reason ?? null, version: current.version + 1, updatedAt: ctx.deps.clock.now() })
            .where(and(eq(appointments.clinicId, clinic.id), eq(appointments.id, current.id)))
            .returning();
          await recordEvent(tx, { clinicId: clinic.id, appointmentId: current.id, practitionerId: current.practitionerId, kind: "cancelled" });
          await recordAudit(tx, {
            clinicId: clinic.id,
            actorUserId: null,
            actorKind: "patient_link",
            action: "cancel",
            entity: "appointment",
            entityId: current.id,
            changes: { status: [current.status, "cancelled"], ...(input.reason ? { cancelReason: [null, input.reason] } : {}) },
            requestId: ctx.requestId,
          });
          return { appointment: { ...presentAppointment(updated!, row), clinicName: clinic.name, timezone: clinic.timezone } };
        });
      }),

    reschedule: procedure("public.booking.reschedule")
      .input(bookingRescheduleInput)
      .mutation(async ({ ctx, input }) => {
        await manageLimit(ctx);
        const { clinic, tokenHash } = await fromLink(ctx, input.token);
        const start = new Date(input.start);
        const now = ctx.deps.clock.now();
        let serviceId = "";
        try {
          return await asPublic(ctx, clinic.id, async (tx) => {
            const row = await linkedAppointment(ctx, tx, clinic, tokenHash, { forUpdate: true });
            const current = row.appointment;
            serviceId = current.serviceId;
            assertChangeable(clinic, current, now);
            const service = await bookableService(tx, clinic.id, current.serviceId);
            const candidates = await practitionersFor(tx, clinic.id, current.serviceId, input.practitionerId ?? current.practitionerId);
            const date = localDateOf(start, clinic.timezone);
            const days = await findSlots(tx, { clinic, service, practitionerIds: candidates, from: date, to: date, now, ignoreAppointmentId: current.id });
            if (!slotAt(days, start)) throw new ConflictError("Sorry, that time is not available.", { reason: "SLOT_UNAVAILABLE", details: { nextSlots: (days[0]?.slots ?? []).slice(0, 6).map(publicSlot) } });
            const practitionerId = candidates[0]!;
            const [updated] = await tx
              .update(appointments)
              .set({ ...blockedRange(start, service), practitionerId, version: current.version + 1, updatedAt: now })
              .where(and(eq(appointments.clinicId, clinic.id), eq(appointments.id, current.id)))
              .returning();
            await recordEvent(tx, { clinicId: clinic.id, appointmentId: current.id, practitionerId, kind: "rescheduled" });
            await recordAudit(tx, {
              clinicId: clinic.id,
              actorUserId: null,
              actorKind: "patient_link",
              action: "reschedule",
              entity: "appointment",
              entityId: current.id,
              changes: {
                start: [current.startsAt.toISOString(), start.toISOString()],
                ...(practitionerId !== current.practitionerId ? { practitionerId: [current.practitionerId, practitionerId] } : {}),
              },
              requestId: ctx.requestId,
            });
            const names = await loadAppointment(tx, clinic.id, current.id);
            return { appointment: { ...presentAppointment(updated!, names), clinicName: clinic.name, timezone: clinic.timezone } };
          });
        } catch (error) {
          if (!isSlotTaken(error)) throw error;
          throw new ConflictError(TAKEN, { reason: "SLOT_TAKEN", details: { nextSlots: await nextFreeSlots(ctx, clinic, serviceId, input.practitionerId, start) } });
        }
      }),
  },
} satisfies TRPCRouterRecord;
