// Letting other software in: API keys (clinic.apiKeys.*).
import { z } from "zod";
import { API_KEY_SCOPES } from "../permissions/api-keys";
import { id, instant, text } from "./fields";

export const createApiKeyInput = z.object({
  name: text(80, "Keep the name under 80 characters", "Name the key after what uses it"),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { error: `A scope is one of ${API_KEY_SCOPES.join(", ")}` }))
    .min(1, "Choose at least one scope")
    .max(API_KEY_SCOPES.length, "Each scope once")
    .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope once"),
  /** Absent: the key works until revoked. */
  expiresAt: instant.optional(),
});

export const revokeApiKeyInput = z.object({ id });
