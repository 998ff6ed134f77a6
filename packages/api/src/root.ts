import { appointmentsRouter } from "./routers/appointments";
import { followUp } from "./routers/follow-up";
import { freeTimes } from "./routers/free-times";
import { revertStatus } from "./routers/revert-status";
import { seriesRouter } from "./routers/series";
import { clinicApiKeysRouter } from "./routers/clinic-api-keys";
import { authRouter } from "./routers/auth";
import { calendarRouter } from "./routers/calendar";
import { calendarFeedRouter } from "./routers/calendar-feed";
import { clinicFlagsRouter } from "./routers/clinic-flags";
import { clinicCalendarFeedsRouter } from "./routers/clinic-calendar-feeds";
import { clinicAuditRouter, clinicSettingsRouter } from "./routers/clinic-settings";
import { clinicBrandRouter } from "./routers/clinic-brand";
import { clinicSecurityRouter } from "./routers/clinic-security";
import { clinicEmbedRouter } from "./routers/clinic-embed";
import { clinicSetupRouter } from "./routers/clinic-setup";
import { clinicStaffRouter } from "./routers/clinic-staff";
import { clinicWebhooksRouter } from "./routers/clinic-webhooks";
import { clinicTemplatesRouter } from "./routers/clinic-templates";
import { clinicalNotesRouter } from "./routers/clinical-notes";
import { clinicsRouter } from "./routers/clinics";
import { intakeRouter } from "./routers/intake";
import { myAppointmentsRouter } from "./routers/my-appointments";
import { retentionRouter } from "./routers/retention";
import { notificationsRouter } from "./routers/notifications";
import { patientsRouter } from "./routers/patients";
import { practitionersRouter } from "./routers/practitioners";
import { publicRouter } from "./routers/public";
import { scheduleRouter } from "./routers/schedule";
import { servicesRouter } from "./routers/services";
import { waitlistRouter } from "./routers/waitlist";
import { reportsRouter } from "./routers/reports";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  clinics: clinicsRouter,
  public: publicRouter,
  myAppointments: myAppointmentsRouter,
  calendar: { ...calendarRouter, ...calendarFeedRouter },
  appointments: { ...appointmentsRouter, freeTimes, followUp, revertStatus, series: seriesRouter },
  patients: patientsRouter,
  notes: clinicalNotesRouter,
  intake: intakeRouter,
  retention: retentionRouter,
  practitioners: practitionersRouter,
  services: servicesRouter,
  schedule: scheduleRouter,
  notifications: notificationsRouter,
  waitlist: waitlistRouter,
  reports: reportsRouter,
  clinic: {
    staff: clinicStaffRouter,
    settings: clinicSettingsRouter,
    audit: clinicAuditRouter,
    security: clinicSecurityRouter,
    webhooks: clinicWebhooksRouter,
    templates: clinicTemplatesRouter,
    apiKeys: clinicApiKeysRouter,
    flags: clinicFlagsRouter,
    calendarFeeds: clinicCalendarFeedsRouter,
    setup: clinicSetupRouter,
    brand: clinicBrandRouter,
    embed: clinicEmbedRouter,
  },
});

export type AppRouter = typeof appRouter;
