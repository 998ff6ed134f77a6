// public.slots: the free times of a service, per local day, as patients see them. Kept in memory
// per process (cache/public-reads.ts); the handler may answer a kept one before the framework runs.
import { slotsView } from "@frontdesk/domain";
import { slotsInput } from "@frontdesk/domain";
import { findSlots } from "../../booking/availability";
import { clinicCacheFor, type Cached } from "../../cache/clinic-cache";
import { NO_EXPIRY, SLOTS, slotsKey, type PublicSlots, type SlotsAnswer, type SlotsInput } from "../../cache/public-reads";
import type { Context } from "../../context";
import { slotsLimits } from "../../rate-limit/public-limits";
import { enforceLimits } from "../../rate-limit/rate-limit";
import { procedure } from "../../trpc";
import { bookableService, practitionersFor } from "./offering";
import { asPublic, clinicBySlug, type Clinic } from "./scope";

/** The free times for `input` at `clinic`, and until when they stay right if nothing changes. */
async function loadPublicSlots(ctx: Context, clinic: Clinic, input: SlotsInput): Promise<Cached<PublicSlots>> {
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

export const slots = procedure("public.slots")
    .meta({ openapi: { method: "GET", path: "/clinics/{clinicSlug}/slots", tags: ["Booking"], protect: false, summary: "Free start times for a service, per local day" } })
    .output(slotsView)
  .input(slotsInput)
  .query(async ({ ctx, input }) => {
    await enforceLimits(ctx, slotsLimits(ctx.deps, ctx.ip));
    const clinic = await clinicBySlug(ctx, input.clinicSlug);
    const cache = clinicCacheFor<SlotsAnswer>(ctx.deps, SLOTS);
    if (!cache) return (await loadPublicSlots(ctx, clinic, input)).value;
    // The clinic is known before the load: a change to another clinic leaves it shared and kept.
    const answer = await cache.get(
      slotsKey(input),
      async () => {
        const loaded = await loadPublicSlots(ctx, clinic, input);
        return { ...loaded, value: { slots: loaded.value, json: JSON.stringify(loaded.value) } };
      },
      clinic.id,
    );
    return answer.slots;
  });
