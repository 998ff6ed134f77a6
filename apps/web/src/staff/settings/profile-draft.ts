// The clinic settings form's values as typed, and the server's rules for them
// (routers/clinic-settings.ts), giving the patch of what changed or the errors per field.
import type { ClinicSettings, ClinicSettingsPatch } from "./types";

const YEAR_MINUTES = 365 * 24 * 60;

export interface ProfileDraft {
  name: string;
  timezone: string;
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
    minNoticeMinutes: String(settings.minNoticeMinutes),
    horizonDays: String(settings.horizonDays),
    slotStepMinutes: String(settings.slotStepMinutes),
    cancellationNoticeMinutes: String(settings.cancellationNoticeMinutes),
    email: settings.email ?? "",
    phone: settings.phone ?? "",
    address: settings.address ?? "",
  };
}

function wholeNumber(value: string, label: string, unit: string, min: number, max: number): number | string {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return `${label} must be whole ${unit}`;
  const n = Number(trimmed);
  if (n < min) return `${label} is at least ${min}`;
  if (n > max) return `${label} is at most ${max}`;
  return n;
}

export function checkProfile(draft: ProfileDraft, before: ClinicSettings): { errors: ProfileErrors; patch?: ClinicSettingsPatch } {
  const errors: ProfileErrors = {};
  const name = draft.name.trim();
  if (name.length < 2) errors.name = "Enter the clinic's name";
  else if (name.length > 120) errors.name = "Name is too long";
  const numbers = {
    minNoticeMinutes: wholeNumber(draft.minNoticeMinutes, "Minimum notice", "minutes", 0, YEAR_MINUTES),
    horizonDays: wholeNumber(draft.horizonDays, "Horizon", "days", 1, 730),
    slotStepMinutes: wholeNumber(draft.slotStepMinutes, "Slot step", "minutes", 5, 240),
    cancellationNoticeMinutes: wholeNumber(draft.cancellationNoticeMinutes, "Cancellation notice", "minutes", 0, YEAR_MINUTES),
  };
  for (const [field, value] of Object.entries(numbers)) if (typeof value === "string") errors[field as keyof ProfileDraft] = value;
  const email = draft.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = "Enter a valid e-mail address";
  if (draft.phone.trim().length > 40) errors.phone = "Phone number is too long";
  if (draft.address.trim().length > 300) errors.address = "Address is too long";
  if (Object.keys(errors).length > 0) return { errors };

  const after = {
    name,
    timezone: draft.timezone,
    ...(numbers as Record<keyof typeof numbers, number>),
    email: email || null,
    phone: draft.phone.trim() || null,
    address: draft.address.trim() || null,
  };
  const patch = Object.fromEntries(Object.entries(after).filter(([field, value]) => before[field as keyof ClinicSettings] !== value)) as ClinicSettingsPatch;
  return { errors, patch };
}
