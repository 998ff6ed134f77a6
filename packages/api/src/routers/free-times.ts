// appointments.freeTimes: the staff finder. The next free times of a service (and optionally one
// practitioner) from the engine, today, this week or the next available across FREE_TIME_SEARCH_DAYS,
// filtered by time of day. Staff may book outside the online rules on purpose: with
// `outsideRules` the search ignores the lead time and the booking window, and every time says
// which online rule it breaks.
import { addDays, dayNumberOf, FREE_TIME_SEARCH_DAYS, freeTimesInput, freeTimesView, localDateOf, minutesOfTime, PART_OF_DAY_MINUTES, todayIn, type OnlineRule } from "@frontdesk/domain";
import { findFreeTimes } from "@frontdesk/scheduling";
import { loadCalendars } from "../booking/availability";
import { clinicOf } from "../booking/clinic";
import { assertOffers, serviceOf } from "../booking/staff-booking";
import { procedure } from "../trpc";
import { offeringPractitioners } from "./public/offering";

const WINDOW_DAYS = { today: 1, week: 7, next: FREE_TIME_SEARCH_DAYS } as const;

export const freeTimes = procedure("appointments.freeTimes")
  .meta({ openapi: { method: "POST", path: "/appointments/free-times", tags: ["Appointments"], protect: true, summary: "The next free times for a service, filtered by time of day (POST: the search takes a nested time range; nothing is written)" } })
  .input(freeTimesInput)
  .output(freeTimesView)
  .query(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const clinic = await clinicOf(staff.tx, staff.clinicId);
    const service = await serviceOf(staff, input.serviceId);
    let practitionerIds: string[];
    if (input.practitionerId) {
      await assertOffers(staff, input.practitionerId, service.id);
      practitionerIds = [input.practitionerId];
    } else {
      practitionerIds = (await offeringPractitioners(staff.tx, staff.clinicId, service.id)).map((p) => p.id);
    }
    const now = ctx.deps.clock.now();
    const today = todayIn(clinic.timezone, now);
    const from = input.from && input.from > today ? input.from : today;
    const to = addDays(from, WINDOW_DAYS[input.within] - 1);
    const daysAhead = (dayNumberOf(to) ?? 0) - (dayNumberOf(today) ?? 0);
    const onlineRules = { slotStepMinutes: clinic.slotStepMinutes, minNoticeMinutes: clinic.minNoticeMinutes, horizonDays: clinic.horizonDays };
    const startMinutes = input.between
      ? { from: minutesOfTime(input.between.from)!, to: input.between.to === "24:00" ? 24 * 60 : minutesOfTime(input.between.to)! }
      : input.timeOfDay
        ? PART_OF_DAY_MINUTES[input.timeOfDay]
        : undefined;

    const slots = findFreeTimes({
      timezone: clinic.timezone,
      from,
      to,
      now: now.toISOString(),
      service,
      // Outside the rules: no lead time, and a window reaching the end of the search.
      rules: input.outsideRules ? { ...onlineRules, minNoticeMinutes: 0, horizonDays: Math.max(daysAhead, clinic.horizonDays) } : onlineRules,
      practitioners: await loadCalendars(staff.tx, { clinic, practitionerIds, from, to }),
      limit: input.limit,
      ...(startMinutes ? { startMinutes } : {}),
    });

    const earliestOnline = now.getTime() + clinic.minNoticeMinutes * 60_000;
    const lastOnlineDate = addDays(today, clinic.horizonDays);
    return {
      timezone: clinic.timezone,
      searched: { from, to },
      slots: slots.map((slot) => {
        const breaks: OnlineRule[] = [];
        if (Date.parse(slot.start) < earliestOnline) breaks.push("LEAD_TIME");
        if (localDateOf(slot.start, clinic.timezone) > lastOnlineDate) breaks.push("BOOKING_WINDOW");
        if (!service.bookableOnline) breaks.push("NOT_ONLINE");
        return { ...slot, breaks };
      }),
    };
  });
