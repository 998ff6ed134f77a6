import { appointmentsRouter } from "./routers/appointments";
import { authRouter } from "./routers/auth";
import { calendarRouter } from "./routers/calendar";
import { clinicStaffRouter } from "./routers/clinic-staff";
import { clinicsRouter } from "./routers/clinics";
import { publicRouter } from "./routers/public";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  clinics: clinicsRouter,
  public: publicRouter,
  calendar: calendarRouter,
  appointments: appointmentsRouter,
  clinic: { staff: clinicStaffRouter },
});

export type AppRouter = typeof appRouter;
