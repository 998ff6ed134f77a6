export { createDb, fixedStatement, type CreateDbOptions, type Database, type Transaction } from "./client";
export {
  withTenant,
  withIdentity,
  ScopeError,
  scopeRoles,
  type ScopeRole,
  type TenantScope,
  type IdentityScope,
} from "./scope";
export { PG, postgresErrorCode } from "./errors";
export * as schema from "./schema";
