import { createServiceInput } from "@frontdesk/domain";
import { serviceView } from "@frontdesk/domain";
import { services } from "@frontdesk/db/schema";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { view } from "./service-record";

export const create = procedure("services.create")
    .meta({ openapi: { method: "POST", path: "/services", tags: ["Services"], protect: true, summary: "Add a service" } })
    .output(serviceView)
  .input(createServiceInput)
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
