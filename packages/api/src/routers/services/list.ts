import { fields } from "@frontdesk/domain";
import { z } from "zod";
import { serviceView } from "@frontdesk/domain";
import { practitionerServices, services } from "@frontdesk/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { procedure } from "../../trpc";
import { view } from "./service-record";

/** Active services (and inactive ones on request), with the practitioners who offer each. */
export const list = procedure("services.list")
    .meta({ openapi: { method: "GET", path: "/services", tags: ["Services"], protect: true, summary: "Services with the practitioners who offer each" } })
    .output(z.array(serviceView))
  .input(fields.listInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const rows = await tx
      .select()
      .from(services)
      .where(and(eq(services.clinicId, clinicId), ...(input.includeInactive ? [] : [eq(services.active, true)])))
      .orderBy(asc(services.name), asc(services.id));
    const offered = await tx
      .select({ practitionerId: practitionerServices.practitionerId, serviceId: practitionerServices.serviceId })
      .from(practitionerServices)
      .where(eq(practitionerServices.clinicId, clinicId));
    return rows.map((s) =>
      view(
        s,
        offered.filter((o) => o.serviceId === s.id).map((o) => o.practitionerId),
      ),
    );
  });
