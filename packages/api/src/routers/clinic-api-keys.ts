// clinic.apiKeys.*: admins create keys for other software, see them (never their secret again)
// and revoke them. Session-only: a key cannot list, make or revoke keys (ADR 0028).
import { createApiKey } from "@frontdesk/auth";
import { apiKeys } from "@frontdesk/db/schema";
import { createApiKeyInput, revokeApiKeyInput, type ApiKeyScope } from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, desc, eq } from "drizzle-orm";
import { pepperOf } from "../api-keys/authenticate";
import { recordStaffAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { procedure, signedInMember } from "../trpc";

const present = (row: typeof apiKeys.$inferSelect) => ({
  id: row.id,
  name: row.name,
  /** What lists show: "fdk_…<first characters of the secret>". */
  hint: `fdk_…${row.hint}`,
  scopes: row.scopes as ApiKeyScope[],
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export const clinicApiKeysRouter = {
  list: procedure("clinic.apiKeys.list").query(async ({ ctx }) => {
    const { tx, clinicId } = ctx.staff;
    const rows = await tx.select().from(apiKeys).where(eq(apiKeys.clinicId, clinicId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    return rows.map(present);
  }),

  /** The key itself is in this answer only: it is stored as a hash and cannot be shown again. */
  create: procedure("clinic.apiKeys.create")
    .input(createApiKeyInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const userId = signedInMember(staff);
      if (input.expiresAt && Date.parse(input.expiresAt) <= ctx.deps.clock.now().getTime()) throw new RuleError("The expiry must be in the future");
      const { key, keyHash, hint } = createApiKey(staff.clinicId, pepperOf(ctx.deps));
      const [row] = await staff.tx
        .insert(apiKeys)
        .values({ clinicId: staff.clinicId, name: input.name, hint, keyHash, scopes: input.scopes, createdBy: userId, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null })
        .returning();
      await recordStaffAudit(ctx, { action: "create", entity: "api_key", entityId: row!.id, changes: { name: [null, input.name], scopes: [null, input.scopes] } });
      return { ...present(row!), key };
    }),

  revoke: procedure("clinic.apiKeys.revoke")
    .input(revokeApiKeyInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const [row] = await staff.tx
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.clinicId, staff.clinicId), eq(apiKeys.id, input.id)))
        .for("update");
      if (!row) throw new NotFoundError("API key");
      if (row.revokedAt) return present(row);
      const now = ctx.deps.clock.now();
      const [revoked] = await staff.tx
        .update(apiKeys)
        .set({ revokedAt: now })
        .where(and(eq(apiKeys.clinicId, staff.clinicId), eq(apiKeys.id, row.id)))
        .returning();
      await recordStaffAudit(ctx, { action: "revoke", entity: "api_key", entityId: row.id, changes: { revokedAt: [null, now.toISOString()] } });
      return present(revoked!);
    }),
} satisfies TRPCRouterRecord;
