import type { Access } from ".";

/** Online booking (public.*), the calendar and appointments. */
export const bookingAccess = {} as const satisfies Record<string, Access>;
