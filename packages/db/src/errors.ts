/** SQLSTATE codes the application reacts to. */
export const PG = {
  exclusionViolation: "23P01",
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  checkViolation: "23514",
  restrictViolation: "23001",
  insufficientPrivilege: "42501",
} as const;

/** The Postgres SQLSTATE of an error, whether thrown by postgres.js or wrapped by Drizzle (as `cause`). */
export function postgresErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
