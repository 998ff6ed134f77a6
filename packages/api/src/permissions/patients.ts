import type { Access } from ".";

/** Patient records. */
export const patientsAccess = {} as const satisfies Record<string, Access>;
