// Loads what the engine needs for a clinic, a service and some practitioners over a date range,
// in one round trip, and asks the engine for the bookable times.
import type { Transaction } from "@frontdesk/db";
import { BLOCKING_STATUSES, SERVICE_BUFFER_MAX_MINUTES } from "@frontdesk/domain";
import { computeSlots, type SlotDay, type SlotQuery } from "@frontdesk/scheduling";
import { sql, type SQL } from "drizzle-orm";

export interface ClinicRules {
  id: string;
  timezone: string;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export interface ServiceTimes {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

type Row = {
  kind: "hours" | "exception" | "busy";
  practitioner_id: string;
  weekday: number | null;
  start_local: string | null;
  end_local: string | null;
  starts_ms: string | null;
  ends_ms: string | null;
  exception_kind: "unavailable" | "available" | null;
};

const DAY_MS = 24 * 60 * 60_000;
/**
 * The longest an appointment keeps a practitioner busy: a day (appointments_at_most_a_day) and
 * the longest buffers on both sides (appointments_blocked_at_most_4_hours_around).
 */
const LONGEST_BLOCK_MS = DAY_MS + 2 * SERVICE_BUFFER_MAX_MINUTES * 60_000;
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

interface AvailabilityInput {
  clinic: ClinicRules;
  service: ServiceTimes;
  practitionerIds: readonly string[];
  from: string;
  to: string;
  now: Date;
  ignoreAppointmentId?: string;
}

/**
 * The one query behind findSlots: the practitioners' weekly hours, and their exceptions and busy
 * times around local dates `from`..`to`. Busy times are found through blocked_to (see the index
 * appointments_practitioner_blocked_idx), bounded on both sides: what ends after the range starts,
 * and (what starts before the range ends blocks at most LONGEST_BLOCK_MS) before the range's end
 * plus that. Without the upper bound the scan read every appointment still ahead.
 */
export function availabilityQuery(input: Omit<AvailabilityInput, "service" | "now">): SQL {
  const { clinic, practitionerIds } = input;
  // Wide enough for any zone offset and a slot running past midnight; the engine clips.
  const windowStart = new Date(Date.parse(`${input.from}T00:00:00Z`) - 2 * DAY_MS);
  const windowEnd = new Date(Date.parse(`${input.to}T00:00:00Z`) + 3 * DAY_MS);
  return sql`
      select 'hours' as kind, practitioner_id, weekday, to_char(start_time, 'HH24:MI') as start_local,
             to_char(end_time, 'HH24:MI') as end_local, null as starts_ms, null as ends_ms, null as exception_kind
        from working_hours
       where clinic_id = ${clinic.id} and practitioner_id in (${list(practitionerIds)})
      union all
      select 'exception', practitioner_id, null, null, null,
             (extract(epoch from starts_at) * 1000)::bigint::text, (extract(epoch from ends_at) * 1000)::bigint::text, kind::text
        from schedule_exceptions
       where clinic_id = ${clinic.id} and practitioner_id in (${list(practitionerIds)})
         and ends_at > ${windowStart.toISOString()}::timestamptz and starts_at < ${windowEnd.toISOString()}::timestamptz
      union all
      select 'busy', practitioner_id, null, null, null,
             (extract(epoch from blocked_from) * 1000)::bigint::text, (extract(epoch from blocked_to) * 1000)::bigint::text, null
        from appointments
       where clinic_id = ${clinic.id} and practitioner_id in (${list(practitionerIds)})
         and status in (${list(BLOCKING_STATUSES)})
         and blocked_to > ${windowStart.toISOString()}::timestamptz and blocked_to < ${new Date(windowEnd.getTime() + LONGEST_BLOCK_MS).toISOString()}::timestamptz
         and blocked_from < ${windowEnd.toISOString()}::timestamptz
         and id is distinct from ${input.ignoreAppointmentId ?? null}::uuid`;
}

/** What the engine needs to know of each practitioner around `from`..`to`, in one round trip. */
export async function loadCalendars(tx: Transaction, input: Omit<AvailabilityInput, "service" | "now">): Promise<SlotQuery["practitioners"]> {
  const { practitionerIds } = input;
  const rows = practitionerIds.length === 0 ? [] : await tx.execute<Row>(availabilityQuery(input));

  const byPractitioner = new Map<string, SlotQuery["practitioners"][number]>(
    practitionerIds.map((id) => [id, { id, weeklyHours: [], exceptions: [], busy: [] }]),
  );
  const iso = (ms: string | null) => new Date(Number(ms)).toISOString();
  for (const row of rows) {
    const practitioner = byPractitioner.get(row.practitioner_id);
    if (!practitioner) continue;
    if (row.kind === "hours") {
      practitioner.weeklyHours.push({ weekday: Number(row.weekday), start: row.start_local!, end: row.end_local! });
    } else if (row.kind === "exception") {
      practitioner.exceptions.push({ kind: row.exception_kind!, start: iso(row.starts_ms), end: iso(row.ends_ms) });
    } else {
      practitioner.busy.push({ start: iso(row.starts_ms), end: iso(row.ends_ms) });
    }
  }
  return [...byPractitioner.values()];
}

/**
 * Bookable times for `practitionerIds` (in that order) from local date `from` to `to`.
 * `ignoreAppointmentId` leaves one appointment out of the busy times (moving it).
 */
export async function findSlots(tx: Transaction, input: AvailabilityInput): Promise<SlotDay[]> {
  const { clinic } = input;
  return computeSlots({
    timezone: clinic.timezone,
    from: input.from,
    to: input.to,
    now: input.now.toISOString(),
    service: input.service,
    rules: { slotStepMinutes: clinic.slotStepMinutes, minNoticeMinutes: clinic.minNoticeMinutes, horizonDays: clinic.horizonDays },
    practitioners: await loadCalendars(tx, input),
  });
}

/** The slot starting exactly at `start`, if the engine offers it. */
export function slotAt(days: SlotDay[], start: Date) {
  for (const day of days) for (const slot of day.slots) if (Date.parse(slot.start) === start.getTime()) return slot;
  return undefined;
}
