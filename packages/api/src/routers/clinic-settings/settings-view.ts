// The clinic's settings as the profile screen sees them.
import type { clinics } from "@frontdesk/db/schema";
import { z } from "zod";

export const YEAR_MINUTES = 365 * 24 * 60;
export const wholeMinutes = (label: string, min: number, max: number) =>
  z.number().int(`${label} must be whole minutes`).min(min, `${label} is at least ${min}`).max(max, `${label} is at most ${max}`);
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long`)
    .nullable()
    .transform((value) => value || null);

export const settingsView = (c: typeof clinics.$inferSelect) => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  timezone: c.timezone,
  locale: c.locale,
  currency: c.currency,
  minNoticeMinutes: c.minNoticeMinutes,
  horizonDays: c.horizonDays,
  slotStepMinutes: c.slotStepMinutes,
  cancellationNoticeMinutes: c.cancellationNoticeMinutes,
  email: c.email,
  phone: c.phone,
  address: c.address,
});


export const AUDIT_PAGE_MAX = 100;
