// clinic.security.*: a clinic's account policy: whether its staff must use MFA (ADR 0017). The
// sites that may frame its booking page are clinic.embed.* (ADR 0051).
import { withIdentity } from "@frontdesk/db";
import { clinics, users } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordStaffAudit } from "../audit";
import { RuleError } from "../errors";
import { procedure, signedInMember } from "../trpc";

// ---- Input schemas of this router's procedures ----
const updateInput = z.object({
  requireMfa: z.boolean().optional(),
});

export const clinicSecurityRouter = {
  get: procedure("clinic.security.get").query(async ({ ctx }) => {
    const { tx, clinicId } = ctx.staff;
    const [clinic] = await tx.select({ requireMfa: clinics.requireMfa }).from(clinics).where(eq(clinics.id, clinicId));
    return clinic!;
  }),

  update: procedure("clinic.security.update")
    .input(updateInput)
    .mutation(async ({ ctx, input }) => {
      const { tx, clinicId } = ctx.staff;
      const userId = signedInMember(ctx.staff);
      const [before] = await tx.select({ requireMfa: clinics.requireMfa }).from(clinics).where(eq(clinics.id, clinicId));
      if (input.requireMfa === true && !before!.requireMfa) {
        // Whoever turns the rule on must meet it, or their next request would lock them out.
        const [me] = await withIdentity(ctx.deps.db, { userId }, (identity) => identity.select({ totpKey: users.totpKey }).from(users).where(eq(users.id, userId)));
        if (me?.totpKey === null) throw new RuleError("Turn on two-step verification for your own account first");
      }
      const [after] = await tx
        .update(clinics)
        .set({ ...(input.requireMfa === undefined ? {} : { requireMfa: input.requireMfa }), updatedAt: ctx.deps.clock.now() })
        .where(eq(clinics.id, clinicId))
        .returning({ requireMfa: clinics.requireMfa });
      if (after!.requireMfa !== before!.requireMfa) {
        await recordStaffAudit(ctx, { action: "update_security", entity: "clinic", entityId: clinicId, changes: { requireMfa: [before!.requireMfa, after!.requireMfa] } });
      }
      return after!;
    }),
} satisfies TRPCRouterRecord;
