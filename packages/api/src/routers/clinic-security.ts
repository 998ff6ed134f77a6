// clinic.security.*: a clinic's account and embedding policy: whether its staff must use MFA,
// and which sites may show its booking page in a frame (ADR 0017).
import { withIdentity } from "@frontdesk/db";
import { clinics, users } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordStaffAudit } from "../audit";
import { RuleError } from "../errors";
import { procedure, signedInMember } from "../trpc";

const MAX_EMBED_ORIGINS = 10;

// ---- Input schemas of this router's procedures ----
/** An origin such as https://www.example-clinic.fr: scheme, host and port only, https unless local. */
const embedOrigin = z
  .string()
  .trim()
  .max(200, "That address is too long")
  .refine((value) => {
    try {
      const url = new URL(value);
      const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
      return url.origin === value.replace(/\/$/, "") && (url.protocol === "https:" || (local && url.protocol === "http:"));
    } catch {
      return false;
    }
  }, "Enter a site's address such as https://www.example.com (no path)")
  .transform((value) => new URL(value).origin);
const updateInput = z.object({
  requireMfa: z.boolean().optional(),
  embedOrigins: z.array(embedOrigin).max(MAX_EMBED_ORIGINS, `At most ${MAX_EMBED_ORIGINS} sites`).optional(),
});

export const clinicSecurityRouter = {
  get: procedure("clinic.security.get").query(async ({ ctx }) => {
    const { tx, clinicId } = ctx.staff;
    const [clinic] = await tx.select({ requireMfa: clinics.requireMfa, embedOrigins: clinics.embedOrigins }).from(clinics).where(eq(clinics.id, clinicId));
    return clinic!;
  }),

  update: procedure("clinic.security.update")
    .input(updateInput)
    .mutation(async ({ ctx, input }) => {
      const { tx, clinicId } = ctx.staff;
      const userId = signedInMember(ctx.staff);
      const [before] = await tx.select({ requireMfa: clinics.requireMfa, embedOrigins: clinics.embedOrigins }).from(clinics).where(eq(clinics.id, clinicId));
      if (input.requireMfa === true && !before!.requireMfa) {
        // Whoever turns the rule on must meet it, or their next request would lock them out.
        const [me] = await withIdentity(ctx.deps.db, { userId }, (identity) => identity.select({ totpKey: users.totpKey }).from(users).where(eq(users.id, userId)));
        if (me?.totpKey === null) throw new RuleError("Turn on two-step verification for your own account first");
      }
      const embedOrigins = input.embedOrigins === undefined ? undefined : [...new Set(input.embedOrigins)];
      const [after] = await tx
        .update(clinics)
        .set({ ...(input.requireMfa === undefined ? {} : { requireMfa: input.requireMfa }), ...(embedOrigins ? { embedOrigins } : {}), updatedAt: ctx.deps.clock.now() })
        .where(eq(clinics.id, clinicId))
        .returning({ requireMfa: clinics.requireMfa, embedOrigins: clinics.embedOrigins });
      const changes: Record<string, [unknown, unknown]> = {};
      if (after!.requireMfa !== before!.requireMfa) changes.requireMfa = [before!.requireMfa, after!.requireMfa];
      if (after!.embedOrigins.join(" ") !== before!.embedOrigins.join(" ")) changes.embedOrigins = [before!.embedOrigins, after!.embedOrigins];
      if (Object.keys(changes).length > 0) await recordStaffAudit(ctx, { action: "update_security", entity: "clinic", entityId: clinicId, changes });
      return after!;
    }),
} satisfies TRPCRouterRecord;
