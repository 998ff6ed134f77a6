import type { Access } from ".";

const admins = ["owner", "admin"] as const;

/** Letting other software in: API keys (signed-in admins only; a key never manages keys). */
export const integrationsAccess = {
  "clinic.apiKeys.list": admins,
  "clinic.apiKeys.create": admins,
  "clinic.apiKeys.revoke": admins,
} as const satisfies Record<string, Access>;
