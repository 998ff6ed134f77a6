import { appointmentsRouter } from "./routers/appointments";
import { clinicApiKeysRouter } from "./routers/clinic-api-keys";
import { authRouter } from "./routers/auth";
import { calendarRouter } from "./routers/calendar";
import { calendarFeedRouter } from "./routers/calendar-feed";
import { clinicAuditRouter, clinicSettingsRouter } from "./routers/clinic-settings";
import { clinicSecurityRouter } from "./routers/clinic-security";
import { clinicSetupRouter } from "./routers/clinic-setup";
import { clinicStaffRouter } from "./routers/clinic-staff";
import { clinicWebhooksRouter } from "./routers/clinic-webhooks";
import { clinicTemplatesRouter } from "./routers/clinic-templates";
import { clinicalNotesRouter } from "./routers/clinical-notes";
import { clinicsRouter } from "./routers/clinics";
import { notificationsRouter } from "./routers/notifications";
import { patientsRouter } from "./routers/patients";
import { practitionersRouter } from "./routers/practitioners";
import { publicRouter } from "./routers/public";
import { scheduleRouter } from "./routers/schedule";
import { servicesRouter } from "./routers/services";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  clinics: clinicsRouter,
  public: publicRouter,
  calendar: { ...calendarRouter, ...calendarFeedRouter },
  appointments: appointmentsRouter,
  patients: patientsRouter,
  notes: clinicalNotesRouter,
  practitioners: practitionersRouter,
  services: servicesRouter,
  schedule: scheduleRouter,
  notifications: notificationsRouter,
  clinic: {
    staff: clinicStaffRouter,
    settings: clinicSettingsRouter,
    audit: clinicAuditRouter,
    security: clinicSecurityRouter,
    webhooks: clinicWebhooksRouter,
    templates: clinicTemplatesRouter,
    apiKeys: clinicApiKeysRouter,
    setup: clinicSetupRouter,
  },
});

export type AppRouter = typeof appRouter;
