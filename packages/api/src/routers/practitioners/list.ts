import { fields } from "@frontdesk/domain";
import { z } from "zod";
import { practitionerView } from "@frontdesk/domain";
import { practitioners, practitionerServices } from "@frontdesk/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { procedure } from "../../trpc";
import { view } from "./practitioner-record";

/** Active practitioners (and inactive ones on request), with the services each offers. */
export const list = procedure("practitioners.list")
    .meta({ openapi: { method: "GET", path: "/practitioners", tags: ["Practitioners"], protect: true, summary: "Practitioners with the services each offers" } })
    .output(z.array(practitionerView))
  .input(fields.listInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const rows = await tx
      .select()
      .from(practitioners)
      .where(and(eq(practitioners.clinicId, clinicId), ...(input.includeInactive ? [] : [eq(practitioners.active, true)])))
      .orderBy(asc(practitioners.displayName), asc(practitioners.id));
    const offered = await tx
      .select({ practitionerId: practitionerServices.practitionerId, serviceId: practitionerServices.serviceId })
      .from(practitionerServices)
      .where(eq(practitionerServices.clinicId, clinicId));
    return rows.map((p) =>
      view(
        p,
        offered.filter((o) => o.practitionerId === p.id).map((o) => o.serviceId),
      ),
    );
  });
