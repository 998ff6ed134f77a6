import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { slugAvailableInput } from "@frontdesk/domain";
import { procedure } from "../../trpc";

export const slugAvailable = procedure("clinics.slugAvailable")
  .input(slugAvailableInput)
  .query(async ({ ctx, input }) => {
    const [taken] = await ctx.deps.db.transaction((tx) => tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, input.slug)));
    return { slug: input.slug, available: !taken };
  });
