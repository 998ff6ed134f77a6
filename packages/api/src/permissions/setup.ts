import type { Access } from ".";

/** Clinic setup: practitioners, services, weekly hours and time off, settings, audit log. */
export const setupAccess = {} as const satisfies Record<string, Access>;
