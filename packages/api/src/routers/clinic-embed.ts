// clinic.embed.*: the sites that may show the clinic's booking page in a frame (ADR 0051). Each
// origin goes into the booking page's CSP frame-ancestors and is the only window the framed page
// tells its height to. A key with setup:manage reads the list over REST; changing it widens who
// may frame the page, so it needs a signed-in owner or admin (the clinics row is theirs under RLS).
import { embedOriginsView, updateEmbedOriginsInput } from "@frontdesk/domain";
import { clinics } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { eq } from "drizzle-orm";
import { recordStaffAudit } from "../audit";
import { procedure } from "../trpc";

export const clinicEmbedRouter = {
  get: procedure("clinic.embed.get")
    .meta({ openapi: { method: "GET", path: "/clinic/embed-origins", tags: ["Clinic"], protect: true, summary: "The sites that may show the booking page in a frame" } })
    .output(embedOriginsView)
    .query(async ({ ctx }) => {
      const { tx, clinicId } = ctx.staff;
      const [clinic] = await tx.select({ origins: clinics.embedOrigins }).from(clinics).where(eq(clinics.id, clinicId));
      return { origins: clinic!.origins };
    }),

  update: procedure("clinic.embed.update")
    .input(updateEmbedOriginsInput)
    .output(embedOriginsView)
    .mutation(async ({ ctx, input }) => {
      const { tx, clinicId } = ctx.staff;
      const origins = [...new Set(input.origins)];
      const [before] = await tx.select({ origins: clinics.embedOrigins }).from(clinics).where(eq(clinics.id, clinicId));
      await tx.update(clinics).set({ embedOrigins: origins, updatedAt: ctx.deps.clock.now() }).where(eq(clinics.id, clinicId));
      if (before!.origins.join(" ") !== origins.join(" ")) {
        await recordStaffAudit(ctx, { action: "update_embed_origins", entity: "clinic", entityId: clinicId, changes: { embedOrigins: [before!.origins, origins] } });
      }
      return { origins };
    }),
} satisfies TRPCRouterRecord;
