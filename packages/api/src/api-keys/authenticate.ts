// Who an `Authorization: Bearer fdk_…` request is (ADR 0028): the key is looked up by its hash
// inside its own clinic's tenant scope, so a key can only ever be found in the clinic it names.
import { parseApiKey } from "@frontdesk/auth";
import { withTenant } from "@frontdesk/db";
import { apiKeys } from "@frontdesk/db/schema";
import { API_KEY_SCOPES, type ApiKeyScope } from "@frontdesk/domain";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { ApiKeyCaller } from "../context";
import type { ServerDeps } from "../ports";

/** The pepper when API_KEY_PEPPER is not set (development, tests): keys still need their 160 random bits. */
export const DEFAULT_API_KEY_PEPPER = "frontdesk-api-keys";

/** last_used_at is written at most this often per key: a busy integration costs no write per call. */
const LAST_USED_PRECISION_MS = 60_000;

const isScope = (value: string): value is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(value);

export const pepperOf = (deps: Pick<ServerDeps, "apiKeyPepper">) => deps.apiKeyPepper ?? DEFAULT_API_KEY_PEPPER;

/** The key's caller, or null for a key that is malformed, unknown, revoked or expired (all look the same). */
export async function authenticateApiKey(deps: Pick<ServerDeps, "db" | "clock" | "apiKeyPepper">, key: string): Promise<ApiKeyCaller | null> {
  const parsed = parseApiKey(key, pepperOf(deps));
  if (!parsed) return null;
  const now = deps.clock.now();
  return withTenant(deps.db, { clinicId: parsed.clinicId, userId: null, role: "receptionist" }, async (tx) => {
    const [row] = await tx
      .select({ id: apiKeys.id, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.clinicId, parsed.clinicId),
          eq(apiKeys.keyHash, parsed.keyHash),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        ),
      );
    if (!row) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      await tx
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(and(eq(apiKeys.clinicId, parsed.clinicId), eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, now))));
    }
    return { id: row.id, clinicId: parsed.clinicId, scopes: row.scopes.filter(isScope) };
  });
}
