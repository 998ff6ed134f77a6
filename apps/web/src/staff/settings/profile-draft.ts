// The clinic settings form's values as typed, checked with the server's own schema
// (clinicSettingsValues, @frontdesk/domain), giving the patch of what changed or the errors per field.
import { clinicSettingsValues } from "@frontdesk/domain";
import type { ClinicSettings, ClinicSettingsPatch } from "./types";

export interface ProfileDraft {
  name: string;
  timezone: string;
  locale: string;
  currency: string;
  /** "" for none. */
  country: string;
  minNoticeMinutes: string;
  horizonDays: string;
  slotStepMinutes: string;
  cancellationNoticeMinutes: string;
  email: string;
  phone: string;
  address: string;
}

export type ProfileErrors = Partial<Record<keyof ProfileDraft, string>>;

export function profileDraftOf(settings: ClinicSettings): ProfileDraft {
  return {
    name: settings.name,
    timezone: settings.timezone,
    locale: settings.locale,
    currency: settings.currency,
    country: settings.country ?? "",
    minNoticeMinutes: String(settings.minNoticeMinutes),
    horizonDays: String(settings.horizonDays),
    slotStepMinutes: String(settings.slotStepMinutes),
    cancellationNoticeMinutes: String(settings.cancellationNoticeMinutes),
    email: settings.email ?? "",
    phone: settings.phone ?? "",
    address: settings.address ?? "",
  };
}

/** Typed digits as a number; anything else as NaN, which the schema refuses with the field's message. */
const wholeNumberOf = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

export function checkProfile(draft: ProfileDraft, before: ClinicSettings): { errors: ProfileErrors; patch?: ClinicSettingsPatch } {
  const parsed = clinicSettingsValues.safeParse({
    name: draft.name,
    timezone: draft.timezone,
    locale: draft.locale.trim(),
    currency: draft.currency.trim().toUpperCase(),
    country: draft.country.trim().toUpperCase() || null,
    minNoticeMinutes: wholeNumberOf(draft.minNoticeMinutes),
    horizonDays: wholeNumberOf(draft.horizonDays),
    slotStepMinutes: wholeNumberOf(draft.slotStepMinutes),
    cancellationNoticeMinutes: wholeNumberOf(draft.cancellationNoticeMinutes),
    email: draft.email.trim() || null,
    phone: draft.phone,
    address: draft.address,
  });
  if (!parsed.success) {
    const errors: ProfileErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field in draft) errors[field as keyof ProfileDraft] ??= issue.message;
    }
    return { errors };
  }
  const after = parsed.data;
  const patch = Object.fromEntries(Object.entries(after).filter(([field, value]) => before[field as keyof ClinicSettings] !== value)) as ClinicSettingsPatch;
  return { errors: {}, patch };
}
