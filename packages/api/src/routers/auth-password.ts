// Forgotten passwords: an e-mailed, single-use link valid for an hour. Using it proves the
// address, sets the new password and ends every session (ADR 0016).
import { requestPasswordResetInput, resetPasswordInput } from "@frontdesk/domain";
import {
  consumePasswordReset,
  countPasswordResetsSince,
  findPasswordReset,
  forgetSecondFactorState,
  invalidateUserSessions,
  issuePasswordReset,
  passwordProblem,
} from "@frontdesk/auth";
import { withIdentity } from "@frontdesk/db";
import { users } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { eq } from "drizzle-orm";
import { accountLanguageOf, passwordResetMail } from "../account-mail";
import { RuleError } from "../errors";
import { recordSecurityEvent } from "../security-events";
import { procedure } from "../trpc";
import { findUserByEmail, findUserById } from "./auth-session";

const RESETS_PER_HOUR = 3;
const LINK_GONE = "This link is no longer valid. Ask for a new one.";


export const passwordRouter = {
  /** Mails a reset link if the address has an account; the same answer either way. */
  requestPasswordReset: procedure("auth.requestPasswordReset")
    .input(requestPasswordResetInput)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.deps.clock.now();
      const user = await findUserByEmail(ctx, input.email);
      if (user && (await countPasswordResetsSince(ctx.deps.db, user.id, new Date(now.getTime() - 60 * 60_000))) < RESETS_PER_HOUR) {
        const token = await issuePasswordReset(ctx.deps.db, user.id, now);
        // Read only where a reset is already written and mailed: an unknown address still answers
        // the same, and the one read adds to a gap in timing that the write and the mail already
        // make (not a new signal). The scope is the account's own, as for the reset itself: RLS
        // shows only this person's memberships, and the language goes only into the mail to them.
        const language = await accountLanguageOf(ctx.deps.db, user.id);
        await ctx.deps.mailer.send(passwordResetMail(user.email, `${ctx.deps.publicUrl}/app/reset-password/${token}`, language));
      }
      return { sent: true };
    }),

  /** Sets a new password from a reset link; every session of the account ends, remembered devices too. */
  resetPassword: procedure("auth.resetPassword")
    .input(resetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      const { db, hasher, clock } = ctx.deps;
      const now = clock.now();
      const reset = await findPasswordReset(db, input.token, now);
      if (!reset) throw new RuleError(LINK_GONE);
      const user = await findUserById(ctx, reset.userId);
      const problem = passwordProblem(input.newPassword, user.email);
      if (problem) throw new RuleError(problem);
      const passwordHash = await hasher.hash(input.newPassword);
      // Used up only once the password is acceptable, so a refused password can be typed again.
      if (!(await consumePasswordReset(db, reset.id, now))) throw new RuleError(LINK_GONE);
      await withIdentity(db, { userId: user.id }, (tx) =>
        tx
          .update(users)
          .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now })
          .where(eq(users.id, user.id)),
      );
      await invalidateUserSessions(db, user.id);
      await forgetSecondFactorState(db, user.id, { recoveryCodes: false });
      await recordSecurityEvent(ctx, user.id, "password_reset");
      return { reset: true };
    }),
} satisfies TRPCRouterRecord;
