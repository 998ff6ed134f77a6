import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { procedure } from "../../trpc";
import { clinicSlug } from "../../validation";

export const slugAvailable = procedure("clinics.slugAvailable")
  .input(z.object({ slug: clinicSlug }))
  .query(async ({ ctx, input }) => {
    const [taken] = await ctx.deps.db.transaction((tx) => tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, input.slug)));
    return { slug: input.slug, available: !taken };
  });
