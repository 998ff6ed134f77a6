import { services } from "@frontdesk/db/schema";
import { z } from "zod";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { serviceFields, view } from "./service-record";

export const create = procedure("services.create")
  .input(
    z.object({
      name: serviceFields.name,
      durationMinutes: serviceFields.durationMinutes,
      bufferBeforeMinutes: serviceFields.bufferBeforeMinutes.default(0),
      bufferAfterMinutes: serviceFields.bufferAfterMinutes.default(0),
      priceCents: serviceFields.priceCents.default(null),
      bookableOnline: serviceFields.bookableOnline.default(true),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const [created] = await staff.tx
      .insert(services)
      .values({ clinicId: staff.clinicId, ...input })
      .returning();
    await recordStaffAudit(ctx, {
      action: "create",
      entity: "service",
      entityId: created!.id,
      changes: Object.fromEntries(Object.entries(input).map(([field, value]) => [field, [null, value]])),
    });
    return view(created!, []);
  });
