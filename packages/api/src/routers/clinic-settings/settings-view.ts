// The clinic's settings as the profile screen sees them.
import type { clinics } from "@frontdesk/db/schema";
import type { WaitlistOfferMode } from "@frontdesk/domain";


export const settingsView = (c: typeof clinics.$inferSelect) => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  timezone: c.timezone,
  locale: c.locale,
  currency: c.currency,
  country: c.country,
  minNoticeMinutes: c.minNoticeMinutes,
  horizonDays: c.horizonDays,
  slotStepMinutes: c.slotStepMinutes,
  cancellationNoticeMinutes: c.cancellationNoticeMinutes,
  email: c.email,
  phone: c.phone,
  address: c.address,
  // The column's check (clinics_waitlist_policy) holds it to the two modes.
  waitlistOfferMode: c.waitlistOfferMode as WaitlistOfferMode,
  waitlistOfferMinutes: c.waitlistOfferMinutes,
});


