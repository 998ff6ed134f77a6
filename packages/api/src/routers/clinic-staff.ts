import { createCapabilityToken, parseCapabilityToken, setActiveClinic } from "@frontdesk/auth";
import { withIdentity, withTenant } from "@frontdesk/db";
import { clinics, invitations, memberships, users, type MembershipRole } from "@frontdesk/db/schema";
import { mayAssignRole } from "@frontdesk/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { acceptInvitationInput, changeRoleInput, invitationInput, inviteStaffInput, membershipInput } from "@frontdesk/domain";
import { invitationMail } from "../account-mail";
import { recordAudit, recordStaffAudit } from "../audit";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "../errors";
import { accountMailLanguage } from "../messages/account";
import { recordSecurityEvent } from "../security-events";
import { procedure, type StaffScope } from "../trpc";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/** Only an owner may make or unmake an owner. */
function assertMayAssign(staff: StaffScope, from: MembershipRole | null, to: MembershipRole | null) {
  if (!mayAssignRole(staff.role, from, to)) {
    throw new ForbiddenError("Only an owner can grant or take away the owner role", "OWNER_ONLY");
  }
}

/** A clinic always keeps at least one owner; the owners' rows are locked so two demotions cannot race. */
async function assertNotLastOwner(staff: StaffScope, membershipId: string) {
  const owners = await staff.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.clinicId, staff.clinicId), eq(memberships.role, "owner")))
    .for("update");
  if (owners.length === 1 && owners[0]!.id === membershipId) {
    throw new ConflictError("A clinic needs at least one owner: make someone else owner first", { reason: "LAST_OWNER" });
  }
}

async function loadMembership(staff: StaffScope, membershipId: string) {
  const [membership] = await staff.tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.clinicId, staff.clinicId), eq(memberships.id, membershipId)));
  if (!membership) throw new NotFoundError("Staff member");
  return membership;
}

export const clinicStaffRouter = {
  list: procedure("clinic.staff.list").query(async ({ ctx }) => {
    const { tx, clinicId } = ctx.staff;
    const members = await tx
      .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.clinicId, clinicId))
      .orderBy(asc(users.name));
    const pending = await tx
      .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.clinicId, clinicId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, ctx.deps.clock.now())));
    return { members, invitations: pending.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })) };
  }),

  invite: procedure("clinic.staff.invite")
    .input(inviteStaffInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      assertMayAssign(staff, null, input.role);
      const { token, tokenHash } = createCapabilityToken(staff.clinicId);
      const expiresAt = new Date(ctx.deps.clock.now().getTime() + INVITATION_TTL_MS);
      const [invitation] = await staff.tx
        .insert(invitations)
        .values({ clinicId: staff.clinicId, email: input.email, role: input.role, tokenHash, invitedBy: staff.userId, expiresAt })
        .returning({ id: invitations.id });
      await recordStaffAudit(ctx, {
        action: "invite",
        entity: "invitation",
        entityId: invitation!.id,
        changes: { role: [null, input.role] },
      });
      const [clinic] = await staff.tx.select({ name: clinics.name, locale: clinics.locale }).from(clinics).where(eq(clinics.id, staff.clinicId));
      // The invitee may have no account yet: the mail speaks the inviting clinic's language (ADR 0072).
      const language = accountMailLanguage([clinic!.locale]);
      await ctx.deps.mailer.send(invitationMail(input.email, clinic!.name, input.role, `${ctx.deps.publicUrl}/app/invite/${token}`, language));
      return { invitationId: invitation!.id, expiresAt: expiresAt.toISOString() };
    }),

  /**
   * Withdraws an invitation not yet accepted (sent to a wrong address, or no longer wanted): its
   * link stops working at once. An invitation to become owner is an owner's to withdraw.
   */
  withdrawInvitation: procedure("clinic.staff.withdrawInvitation")
    .input(invitationInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const [invitation] = await staff.tx
        .select({ id: invitations.id, role: invitations.role, acceptedAt: invitations.acceptedAt })
        .from(invitations)
        .where(and(eq(invitations.clinicId, staff.clinicId), eq(invitations.id, input.invitationId)))
        .for("update");
      if (!invitation) throw new NotFoundError("Invitation");
      if (invitation.acceptedAt) throw new ConflictError("This invitation has already been accepted: remove the member instead", { reason: "ALREADY_DONE" });
      assertMayAssign(staff, invitation.role, null);
      await staff.tx.delete(invitations).where(eq(invitations.id, invitation.id));
      await recordStaffAudit(ctx, {
        action: "withdraw_invitation",
        entity: "invitation",
        entityId: invitation.id,
        changes: { role: [invitation.role, null] },
      });
      return { withdrawn: true };
    }),

  /** Redeems an invitation link: the signed-in user, if the invitation was sent to their e-mail, joins the clinic. */
  accept: procedure("clinic.staff.accept")
    .input(acceptInvitationInput)
    .mutation(async ({ ctx, input }) => {
      const parsed = parseCapabilityToken(input.token);
      if (!parsed) throw new NotFoundError("Invitation");
      const userId = ctx.session.userId;
      const now = ctx.deps.clock.now();
      const [user] = await withIdentity(ctx.deps.db, { userId }, (tx) => tx.select().from(users).where(eq(users.id, userId)));
      const joined = await withTenant(ctx.deps.db, { clinicId: parsed.clinicId, userId, role: "public" }, async (tx) => {
        const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, parsed.tokenHash)).for("update");
        if (!invitation) throw new NotFoundError("Invitation");
        if (invitation.acceptedAt) throw new ConflictError("This invitation has already been used", { reason: "ALREADY_DONE" });
        if (invitation.expiresAt <= now) throw new RuleError("This invitation has expired: ask for a new one", "INVITATION_EXPIRED");
        if (invitation.email.toLowerCase() !== user!.email.toLowerCase()) {
          throw new ForbiddenError("This invitation was sent to another e-mail address", "INVITATION_FOR_ANOTHER_EMAIL");
        }
        // Only someone who proved they read the invited mailbox joins (ADR 0016).
        if (user!.emailVerifiedAt === null) throw new ForbiddenError("Confirm your e-mail address first: sign in with a code sent to it");
        // Filter by clinic too: the user may also read their own memberships of other clinics.
        const [existing] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.clinicId, parsed.clinicId), eq(memberships.userId, userId)));
        if (existing) throw new ConflictError("You are already a member of this clinic", { reason: "ALREADY_DONE" });
        const [membership] = await tx
          .insert(memberships)
          .values({ clinicId: parsed.clinicId, userId, role: invitation.role })
          .returning({ id: memberships.id });
        await tx.update(invitations).set({ acceptedAt: now, acceptedBy: userId }).where(eq(invitations.id, invitation.id));
        await recordAudit(tx, {
          clinicId: parsed.clinicId,
          actorUserId: userId,
          actorKind: "user",
          action: "accept_invitation",
          entity: "membership",
          entityId: membership!.id,
          changes: { role: [null, invitation.role] },
          requestId: ctx.requestId,
        });
        return { clinicId: parsed.clinicId, role: invitation.role };
      });
      await setActiveClinic(ctx.deps.db, ctx.session, joined.clinicId);
      await recordSecurityEvent(ctx, userId, "invitation_accepted", { alsoAudited: false });
      return joined;
    }),

  setRole: procedure("clinic.staff.setRole")
    .input(changeRoleInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const membership = await loadMembership(staff, input.membershipId);
      assertMayAssign(staff, membership.role, input.role);
      if (membership.role === "owner" && input.role !== "owner") await assertNotLastOwner(staff, membership.id);
      await staff.tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, membership.id));
      await recordStaffAudit(ctx, {
        action: "set_role",
        entity: "membership",
        entityId: membership.id,
        changes: { role: [membership.role, input.role] },
      });
      return { membershipId: membership.id, role: input.role };
    }),

  remove: procedure("clinic.staff.remove")
    .input(membershipInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const membership = await loadMembership(staff, input.membershipId);
      assertMayAssign(staff, membership.role, null);
      if (membership.role === "owner") await assertNotLastOwner(staff, membership.id);
      await staff.tx.delete(memberships).where(eq(memberships.id, membership.id));
      await recordStaffAudit(ctx, {
        action: "remove",
        entity: "membership",
        entityId: membership.id,
        changes: { role: [membership.role, null] },
      });
      return { removed: true };
    }),
} satisfies TRPCRouterRecord;
