import { createPractitionerInput } from "@frontdesk/domain";
import { practitionerView } from "@frontdesk/domain";
import { practitioners } from "@frontdesk/db/schema";
import { recordStaffAudit } from "../../audit";
import { procedure } from "../../trpc";
import { assertLinkableUser, view } from "./practitioner-record";

export const create = procedure("practitioners.create")
    .meta({ openapi: { method: "POST", path: "/practitioners", tags: ["Practitioners"], protect: true, summary: "Add a practitioner" } })
    .output(practitionerView)
  .input(createPractitionerInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    if (input.userId) await assertLinkableUser(staff, input.userId, null);
    const [created] = await staff.tx
      .insert(practitioners)
      .values({ clinicId: staff.clinicId, displayName: input.displayName, colour: input.colour, userId: input.userId ?? null })
      .returning();
    await recordStaffAudit(ctx, {
      action: "create",
      entity: "practitioner",
      entityId: created!.id,
      changes: { displayName: [null, created!.displayName], colour: [null, created!.colour], userId: [null, created!.userId] },
    });
    return view(created!, []);
  });
