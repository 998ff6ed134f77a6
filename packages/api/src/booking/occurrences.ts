// Checks planned appointments (a series' occurrences, a follow-up, a series move) before anything
// is written (ADR 0033): each is asked of the engine with the staff rules (no lead time, no
// booking window) and of the busy times the exclusion constraint guards, and a clash gets the
// free times of its local day, nearest first, as alternatives.
import { localDateOf } from "@frontdesk/domain";
import { computeSlots, type SlotQuery } from "@frontdesk/scheduling";
import { loadCalendars, slotAt, type ClinicRules, type ServiceTimes } from "./availability";
import { blockedRange } from "./appointments";
import type { Transaction } from "@frontdesk/db";

export interface PlannedOccurrence {
  index: number;
  start: Date;
  practitionerId: string;
}

export type OccurrenceStatus = "free" | "taken" | "unavailable";

export interface CheckedOccurrence {
  index: number;
  start: string;
  end: string;
  practitionerId: string;
  status: OccurrenceStatus;
  alternatives: Array<{ start: string; end: string; practitionerId: string }>;
}

const ALTERNATIVES = 3;
/** One minute: whether a time is free must not depend on the clinic's slot grid. */
const EXACT_STEP = 1;

interface CheckInput {
  clinic: ClinicRules;
  service: ServiceTimes;
  occurrences: readonly PlannedOccurrence[];
  /** Who else offers the service: alternatives may be with them (the occurrence's practitioner comes first). */
  offering: readonly string[];
  now: Date;
  /** Appointments being moved: their current times do not count as busy. */
  ignore?: ReadonlyArray<{ practitionerId: string; blockedFrom: Date; blockedTo: Date }>;
}

export async function checkOccurrences(tx: Transaction, input: CheckInput): Promise<CheckedOccurrence[]> {
  const { clinic, service, occurrences } = input;
  if (occurrences.length === 0) return [];
  const dates = occurrences.map((o) => localDateOf(o.start, clinic.timezone));
  const sorted = [...dates].sort();
  const practitionerIds = [...new Set([...occurrences.map((o) => o.practitionerId), ...input.offering])];
  const calendars = await loadCalendars(tx, { clinic, practitionerIds, from: sorted[0]!, to: sorted.at(-1)! });
  const ignored = new Set((input.ignore ?? []).map((i) => `${i.practitionerId}|${i.blockedFrom.getTime()}|${i.blockedTo.getTime()}`));
  for (const calendar of calendars) calendar.busy = calendar.busy.filter((b) => !ignored.has(`${calendar.id}|${Date.parse(b.start)}|${Date.parse(b.end)}`));
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const dayQuery = (date: string, ids: readonly string[], step: number): SlotQuery => ({
    timezone: clinic.timezone,
    from: date,
    to: date,
    now: input.now.toISOString(),
    service,
    // The staff rules: no lead time, and a window reaching the day asked about.
    rules: { slotStepMinutes: step, minNoticeMinutes: 0, horizonDays: Math.max(clinic.horizonDays, 2 * 366) },
    practitioners: ids.map((id) => byId.get(id)!),
  });

  return occurrences.map((occurrence, i) => {
    const date = dates[i]!;
    const range = blockedRange(occurrence.start, service);
    const end = range.endsAt.toISOString();
    const busy = byId.get(occurrence.practitionerId)?.busy ?? [];
    const taken = busy.some((b) => Date.parse(b.start) < range.blockedTo.getTime() && Date.parse(b.end) > range.blockedFrom.getTime());
    const offered = !taken && slotAt(computeSlots(dayQuery(date, [occurrence.practitionerId], EXACT_STEP)), occurrence.start) !== undefined;
    const status: OccurrenceStatus = taken ? "taken" : offered ? "free" : "unavailable";
    const checked = { index: occurrence.index, start: occurrence.start.toISOString(), end, practitionerId: occurrence.practitionerId, status };
    if (status === "free") return { ...checked, alternatives: [] };
    const order = [occurrence.practitionerId, ...input.offering.filter((id) => id !== occurrence.practitionerId)];
    const [day] = computeSlots(dayQuery(date, order, clinic.slotStepMinutes));
    const wanted = occurrence.start.getTime();
    const alternatives = (day?.slots ?? [])
      .map((slot) => ({ start: slot.start, end: slot.end, practitionerId: slot.practitionerIds[0]!, distance: Math.abs(Date.parse(slot.start) - wanted) }))
      // The same practitioner first, then the nearest time.
      .sort((a, b) => Number(a.practitionerId !== occurrence.practitionerId) - Number(b.practitionerId !== occurrence.practitionerId) || a.distance - b.distance)
      .slice(0, ALTERNATIVES)
      .map((slot) => ({ start: slot.start, end: slot.end, practitionerId: slot.practitionerId }));
    return { ...checked, alternatives };
  });
}
