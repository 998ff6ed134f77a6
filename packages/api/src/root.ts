import { authRouter } from "./routers/auth";
import { clinicStaffRouter } from "./routers/clinic-staff";
import { clinicsRouter } from "./routers/clinics";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  clinics: clinicsRouter,
  clinic: { staff: clinicStaffRouter },
});

export type AppRouter = typeof appRouter;
