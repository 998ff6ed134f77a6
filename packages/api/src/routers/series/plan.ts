// From what staff asked (first time, pattern) to checked occurrences: the dates come from the
// domain's series rule, each date plus the first one's local time becomes an instant through the
// domain time module (so a weekly 10:00 stays 10:00 across a DST change), and every occurrence
// is checked before anything is written.
import { patients } from "@frontdesk/db/schema";
import { instantAt, localDateOf, MAX_SERIES_OCCURRENCES, seriesDates, timeOfMinutes, wallClockOf, type seriesPreviewInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { clinicOf } from "../../booking/clinic";
import { checkOccurrences, type PlannedOccurrence } from "../../booking/occurrences";
import { assertOffers, serviceOf } from "../../booking/staff-booking";
import { NotFoundError, RuleError } from "../../errors";
import type { StaffScope } from "../../trpc";
import { offeringPractitioners } from "../public/offering";

type SeriesRequest = z.output<typeof seriesPreviewInput>;

export async function planSeries(staff: StaffScope, now: Date, input: SeriesRequest, replacements: ReadonlyArray<{ index: number; start: string; practitionerId?: string | undefined }> = []) {
  const clinic = await clinicOf(staff.tx, staff.clinicId);
  const service = await serviceOf(staff, input.serviceId);
  await assertOffers(staff, input.practitionerId, service.id);
  const [patient] = await staff.tx.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, staff.clinicId), eq(patients.id, input.patientId)));
  if (!patient) throw new NotFoundError("Patient");

  const first = wallClockOf(input.start, clinic.timezone);
  if (input.pattern.until && input.pattern.until < first.date) throw new RuleError("The end date is before the first appointment", "INVALID_RANGE");
  const dates = seriesDates(first.date, input.pattern);
  if (dates.length > MAX_SERIES_OCCURRENCES) throw new RuleError(`That makes more than ${MAX_SERIES_OCCURRENCES} appointments: choose an earlier end date`, "INVALID_RANGE");
  if (dates.length === 0) throw new RuleError("The pattern names no date: check the weekdays and the end date", "INVALID_RANGE");

  const planned: PlannedOccurrence[] = dates.map((date, index) => ({ index, start: new Date(instantAt(date, first.minutes, clinic.timezone)), practitionerId: input.practitionerId }));
  for (const replacement of replacements) {
    const occurrence = planned[replacement.index];
    if (!occurrence) throw new RuleError(`There is no occurrence ${replacement.index + 1} in this series`, "INVALID_INPUT");
    const practitionerId = replacement.practitionerId ?? occurrence.practitionerId;
    if (practitionerId !== occurrence.practitionerId) await assertOffers(staff, practitionerId, service.id);
    // A replacement stays on its occurrence's local day: it resolves a clash, it does not reshape the series.
    if (localDateOf(replacement.start, clinic.timezone) !== dates[replacement.index]) {
      throw new RuleError(`The replacement for occurrence ${replacement.index + 1} must be on ${dates[replacement.index]}`, "INVALID_INPUT");
    }
    planned[replacement.index] = { index: replacement.index, start: new Date(replacement.start), practitionerId };
  }

  const offering = (await offeringPractitioners(staff.tx, staff.clinicId, service.id)).map((p) => p.id);
  const occurrences = await checkOccurrences(staff.tx, { clinic, service, occurrences: planned, offering, now });
  return { clinic, service, localTime: timeOfMinutes(first.minutes), firstDate: first.date, occurrences };
}
