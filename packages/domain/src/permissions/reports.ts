import type { Access } from ".";

/** Reports (ADR 0053): figures about every practitioner and service, for the people who run the clinic. */
export const reportsAccess = {
  "reports.dashboard": ["owner", "admin"],
} as const satisfies Record<string, Access>;
