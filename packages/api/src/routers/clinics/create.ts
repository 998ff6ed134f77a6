import { createClinicInput, proposeClinicRegion } from "@frontdesk/domain";
import { setActiveClinic } from "@frontdesk/auth";
import { PG, postgresErrorCode, withTenant } from "@frontdesk/db";
import { clinics, memberships } from "@frontdesk/db/schema";
import { recordAudit } from "../../audit";
import { ConflictError } from "../../errors";
import { procedure } from "../../trpc";

/** Opens a new clinic; the caller becomes its owner and it becomes their active clinic. */
export const create = procedure("clinics.create")
  .input(createClinicInput)
  .mutation(async ({ ctx, input }) => {
    const clinicId = crypto.randomUUID();
    const userId = ctx.session.userId;
    // What the owner did not choose is proposed from the zone: a Los Angeles clinic gets en-US and USD.
    const proposed = proposeClinicRegion(input.timezone);
    const region = {
      locale: input.locale ?? proposed.locale,
      currency: input.currency ?? proposed.currency,
      country: input.country === undefined ? proposed.country : input.country,
    };
    try {
      await withTenant(ctx.deps.db, { clinicId, userId, role: "owner" }, async (tx) => {
        await tx.insert(clinics).values({ id: clinicId, name: input.name, slug: input.slug, timezone: input.timezone, ...region });
        await tx.insert(memberships).values({ clinicId, userId, role: "owner" });
        await recordAudit(tx, {
          clinicId,
          actorUserId: userId,
          actorKind: "user",
          action: "create",
          entity: "clinic",
          entityId: clinicId,
          changes: {
            name: [null, input.name],
            slug: [null, input.slug],
            timezone: [null, input.timezone],
            locale: [null, region.locale],
            currency: [null, region.currency],
            country: [null, region.country],
          },
          requestId: ctx.requestId,
        });
      });
    } catch (error) {
      if (postgresErrorCode(error) === PG.uniqueViolation) throw new ConflictError(`The address "${input.slug}" is taken`, { reason: "SLUG_TAKEN" });
      throw error;
    }
    await setActiveClinic(ctx.deps.db, ctx.session, clinicId);
    return { id: clinicId, slug: input.slug, name: input.name, timezone: input.timezone, ...region };
  });
