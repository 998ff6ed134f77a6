// clinic.flags.*: the active clinic's feature flags (ADR 0039). Staff read them; the owner sets
// the flags marked "owner"; the operator's overrides come from `pnpm flags`, never from here.
import { clinics } from "@frontdesk/db/schema";
import { FLAG_NAMES, FLAGS, flagsView, maySetFlag, resolveFlag, setFlagInput, type FlagName } from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { clinicOf } from "../../booking/clinic";
import { ForbiddenError } from "../../errors";
import { procedure } from "../../trpc";

type StoredFlags = { ownerFlags: unknown; operatorFlags: unknown };

export const flagsAnswer = (stored: StoredFlags) => ({
  flags: FLAG_NAMES.map((name) => {
    const { value, source } = resolveFlag(name, stored);
    const { label, description, setBy } = FLAGS[name];
    return { name, label, description, value, default: FLAGS[name].default, source, setBy };
  }),
});

/** The stored overrides with `name` set to `value`, or removed for `null`. */
export function withOverride(overrides: unknown, name: FlagName, value: boolean | null): Record<string, unknown> {
  const next: Record<string, unknown> = typeof overrides === "object" && overrides !== null ? { ...(overrides as Record<string, unknown>) } : {};
  if (value === null) delete next[name];
  else next[name] = value;
  return next;
}

export const clinicFlagsRouter = {
  get: procedure("clinic.flags.get")
    .output(flagsView)
    .query(async ({ ctx }) => flagsAnswer(await clinicOf(ctx.staff.tx, ctx.staff.clinicId))),

  set: procedure("clinic.flags.set")
    .input(setFlagInput)
    .output(flagsView)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      if (!maySetFlag("owner", input.name)) throw new ForbiddenError(`${FLAGS[input.name].label} is set by the platform operator`);
      const before = await clinicOf(staff.tx, staff.clinicId);
      const ownerFlags = withOverride(before.ownerFlags, input.name, input.value);
      const old = resolveFlag(input.name, before);
      const [after] = await staff.tx.update(clinics).set({ ownerFlags, updatedAt: ctx.deps.clock.now() }).where(eq(clinics.id, staff.clinicId)).returning();
      const now = resolveFlag(input.name, after!);
      await recordStaffAudit(ctx, {
        action: "set_flag",
        entity: "clinic",
        entityId: staff.clinicId,
        changes: { [`flags.${input.name}`]: [old.value, now.value] },
      });
      return flagsAnswer(after!);
    }),
} satisfies TRPCRouterRecord;
