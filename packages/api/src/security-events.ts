// Security events (sign-ins, password and MFA changes, revoked sessions): kept in the user's own
// history ("recent activity" on the account page) and copied into the audit log of every clinic
// the user is a member of, so a clinic's admins see what happens to their members' accounts.
import { withIdentity, withTenant } from "@frontdesk/db";
import { memberships, securityEvents } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { recordAudit } from "./audit";
import type { Context } from "./context";

export const SECURITY_EVENT_KINDS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "email_verified",
  "password_changed",
  "password_reset",
  "mfa_enabled",
  "mfa_disabled",
  "recovery_code_used",
  "session_revoked",
  "invitation_accepted",
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** Request headers are chosen by the caller: keep a bounded amount. */
const MAX_USER_AGENT = 256;

/**
 * Records `kind` for `userId`. `alsoAudited: false` when the clinic's audit log already has the
 * event in its own words (an accepted invitation is audited as the new membership).
 */
export async function recordSecurityEvent(
  ctx: Pick<Context, "deps" | "ip" | "userAgent" | "requestId">,
  userId: string,
  kind: SecurityEventKind,
  options: { alsoAudited?: boolean } = {},
): Promise<void> {
  const { db, clock } = ctx.deps;
  const clinics = await withIdentity(db, { userId }, async (tx) => {
    await tx.insert(securityEvents).values({ userId, kind, ip: ctx.ip, userAgent: ctx.userAgent?.slice(0, MAX_USER_AGENT) ?? null, at: clock.now() });
    return tx.select({ clinicId: memberships.clinicId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  });
  if (options.alsoAudited === false) return;
  for (const { clinicId, role } of clinics) {
    await withTenant(db, { clinicId, userId, role }, (tx) =>
      recordAudit(tx, { clinicId, actorUserId: userId, actorKind: "user", action: kind, entity: "account", entityId: userId, requestId: ctx.requestId }),
    );
  }
}
