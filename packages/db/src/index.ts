export { createDb, type CreateDbOptions, type Database, type Transaction } from "./client";
export {
  withTenant,
  withIdentity,
  ScopeError,
  scopeRoles,
  type ScopeRole,
  type TenantScope,
  type IdentityScope,
} from "./scope";
export { runMigrations, migrationsFolder } from "./migrate";
export { PG, postgresErrorCode } from "./errors";
export * as schema from "./schema";
