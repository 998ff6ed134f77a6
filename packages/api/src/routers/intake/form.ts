// intake.form / intake.saveForm: a service's intake form as the admin edits it. Saving writes the
// next version and leaves the old ones as they were, so earlier answers keep their questions.
import { intakeFormVersions, services } from "@frontdesk/db/schema";
import { intakeFormInput, saveIntakeFormInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { ConflictError, NotFoundError } from "../../errors";
import { currentForm } from "../../intake/forms";
import { procedure, type StaffScope } from "../../trpc";

async function assertService(staff: StaffScope, serviceId: string) {
  const [service] = await staff.tx.select({ id: services.id }).from(services).where(and(eq(services.clinicId, staff.clinicId), eq(services.id, serviceId)));
  if (!service) throw new NotFoundError("Service");
}

export const form = procedure("intake.form")
  .input(intakeFormInput)
  .query(async ({ ctx, input }) => {
    await assertService(ctx.staff, input.serviceId);
    return { form: await currentForm(ctx.staff.tx, ctx.staff.clinicId, input.serviceId) };
  });

export const saveForm = procedure("intake.saveForm")
  .input(saveIntakeFormInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    await assertService(staff, input.serviceId);
    const current = await currentForm(staff.tx, staff.clinicId, input.serviceId);
    const currentVersion = current?.version ?? null;
    // Two admins editing at once: the second save would silently drop the first one's questions.
    if (input.basedOnVersion !== currentVersion) {
      throw new ConflictError("Someone saved this form since you opened it: reload it to see their changes", { reason: "STALE_VERSION" });
    }
    const version = (currentVersion ?? 0) + 1;
    const id = crypto.randomUUID();
    // The unique (clinic, service, version) key settles a race the check above cannot see.
    await staff.tx
      .insert(intakeFormVersions)
      .values({ id, clinicId: staff.clinicId, serviceId: input.serviceId, version, questions: input.questions, createdByUserId: staff.userId, createdAt: ctx.deps.clock.now() });
    await recordStaffAudit(ctx, {
      action: "update",
      entity: "intake_form",
      entityId: input.serviceId,
      changes: { version: [currentVersion, version], questions: [current?.questions.length ?? 0, input.questions.length] },
    });
    return { form: (await currentForm(staff.tx, staff.clinicId, input.serviceId))! };
  });
