// @frontdesk/domain: the rules the browser and the server must agree on. Safe to ship to the
// browser: it depends on zod only (Temporal is a test-only reference) and imports nothing of ours.

// --- Rules: time, iCalendar, appointment statuses, roles and permissions ------------------------
export * from "./appointment-status";
export * from "./ical";
export * from "./permissions";
export * from "./roles";
export * from "./time";
