import type { Access } from ".";

const admins = ["owner", "admin"] as const;

/** Outgoing webhooks (ADR 0023) and the clinic's message wording (ADR 0024): admins only, like the other settings. */
export const webhooksAccess = {
  "clinic.webhooks.list": admins,
  "clinic.webhooks.create": admins,
  "clinic.webhooks.update": admins,
  "clinic.webhooks.remove": admins,
  "clinic.webhooks.rotateSecret": admins,
  "clinic.webhooks.sendTest": admins,
  "clinic.webhooks.deliveries": admins,
  "clinic.webhooks.retryDelivery": admins,
  "clinic.templates.list": admins,
  "clinic.templates.save": admins,
  "clinic.templates.preview": admins,
  "clinic.templates.reset": admins,
} as const satisfies Record<string, Access>;
