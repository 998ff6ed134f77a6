// @frontdesk/domain: the rules the browser and the server must agree on. Safe to ship to the
// browser: it depends on zod only (Temporal is a test-only reference) and imports nothing of ours.

// --- Rules: time, iCalendar, appointment statuses, roles and permissions ------------------------
export * from "./appointment-status";
export * from "./ical";
export * from "./permissions";
export * from "./roles";
export * from "./time";
export * from "./webhooks";
export * from "./flags";
export * from "./calendar-feeds";
export * from "./templates";
export * from "./phone";
export * from "./region";
export * from "./patient-pages";
export * from "./series";
export * from "./brand";
export * from "./html";
// ---- Input schemas (one module per area) and their field building blocks ----
export * as fields from "./schemas/fields";
export * from "./schemas/booking";
export * from "./schemas/auth";
export * from "./schemas/appointments";
export * from "./schemas/patients";
export * from "./schemas/services";
export * from "./schemas/practitioners";
export * from "./schemas/schedule";
export * from "./schemas/clinic";
export * from "./schemas/calendar";
export * from "./schemas/webhooks";
export * from "./schemas/templates";
export * from "./schemas/notifications";
export * from "./schemas/clinical-notes";
export * from "./schemas/intake";
export * from "./schemas/answers";
export * from "./schemas/integrations";
export * from "./schemas/waitlist";
export * from "./schemas/series";
export * from "./schemas/free-times";
export * from "./schemas/my-appointments";
export * from "./schemas/embed";
export * from "./schemas/brand";
export * from "./schemas/reports";

// ---- Failures: reasons and the field-error shape ----
export * from "./failure";
// ---- end of the input schemas and failures block ----
