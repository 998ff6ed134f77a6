// auth.mfa.*: the second factor (TOTP from an authenticator app, or a recovery code), and the
// sign-in step that asks for it (ADR 0017).
import { mfaDisableInput, mfaEnableInput, mfaVerifyInput } from "@frontdesk/domain";
import {
  completeSecondFactor,
  countRecoveryCodesLeft,
  forgetSecondFactorState,
  generateTotpKey,
  invalidateSession,
  invalidateUserSessions,
  matchTotp,
  recordSignInFailure,
  recordSignInSuccess,
  rememberDevice,
  replaceRecoveryCodes,
  serializeDeviceCookie,
  totpKeyUri,
  useRecoveryCode,
} from "@frontdesk/auth";
import { withIdentity } from "@frontdesk/db";
import { clinics, memberships, users } from "@frontdesk/db/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { renderSVG } from "uqr";
import type { Context } from "../context";
import { ConflictError, RuleError, UnauthorizedError } from "../errors";
import { recordSecurityEvent } from "../security-events";
import { procedure } from "../trpc";
import { findUserById, publicUser, throttle, type UserRow } from "./auth-session";

const ISSUER = "Frontdesk";
/** A password accepted this long ago without its second factor must start again. */
const PENDING_SIGN_IN_MS = 10 * 60_000;
const NOT_RIGHT = "That code is not right";


/**
 * Accepts a TOTP code once: the step is recorded with a conditional update, so the same code
 * (or an older one) cannot be used again, even by two requests at once.
 */
async function acceptTotp(ctx: Context, user: UserRow, typed: string): Promise<boolean> {
  if (user.totpKey === null) return false;
  const step = matchTotp(user.totpKey, typed, ctx.deps.clock.now(), user.totpLastStep);
  if (step === null) return false;
  const claimed = await withIdentity(ctx.deps.db, { userId: user.id }, (tx) =>
    tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id }),
  );
  return claimed.length === 1;
}

/** A TOTP code or, failing that, a recovery code (used up). Failures count toward the account's sign-in throttle. */
async function acceptSecondFactor(ctx: Context, user: UserRow, typed: string): Promise<"totp" | "recovery" | null> {
  await throttle(ctx, user.email);
  const now = ctx.deps.clock.now();
  const how = (await acceptTotp(ctx, user, typed)) ? "totp" : (await useRecoveryCode(ctx.deps.db, user.id, typed, now)) ? "recovery" : null;
  if (how === null) {
    await recordSignInFailure(ctx.deps.db, { email: user.email, ip: ctx.ip }, now);
    return null;
  }
  await recordSignInSuccess(ctx.deps.db, { email: user.email, ip: ctx.ip });
  if (how === "recovery") await recordSecurityEvent(ctx, user.id, "recovery_code_used");
  return how;
}

/** Names of the user's clinics that require MFA of their staff. */
async function clinicsRequiringMfa(ctx: Context, userId: string): Promise<string[]> {
  const rows = await withIdentity(ctx.deps.db, { userId }, (tx) =>
    tx
      .select({ name: clinics.name })
      .from(memberships)
      .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
      .where(and(eq(memberships.userId, userId), eq(clinics.requireMfa, true))),
  );
  return rows.map((row) => row.name);
}

export const mfaRouter = {
  status: procedure("auth.mfa.status").query(async ({ ctx }) => {
    const userId = ctx.session.userId;
    const user = await findUserById(ctx, userId);
    return {
      enabled: user.totpKey !== null,
      recoveryCodesLeft: user.totpKey === null ? 0 : await countRecoveryCodesLeft(ctx.deps.db, userId),
      requiredBy: await clinicsRequiringMfa(ctx, userId),
    };
  }),

  /** A new key to scan (QR code of the otpauth URI) or type; MFA is on only once a code from it is confirmed. */
  setup: procedure("auth.mfa.setup").mutation(async ({ ctx }) => {
    const user = await findUserById(ctx, ctx.session.userId);
    if (user.totpKey !== null) throw new ConflictError("Two-step verification is already on", { reason: "ALREADY_DONE" });
    const key = generateTotpKey();
    await withIdentity(ctx.deps.db, { userId: user.id }, (tx) => tx.update(users).set({ totpPendingKey: key }).where(eq(users.id, user.id)));
    const uri = totpKeyUri(ISSUER, user.email, key);
    // An image, not markup to insert: the page shows it with <img>, and CSP needs no exception.
    const qrCode = `data:image/svg+xml;base64,${btoa(renderSVG(uri, { border: 2 }))}`;
    return { secret: key, uri, qrCode };
  }),

  /** Confirms the key with a first code and turns MFA on; answers the recovery codes, shown once. */
  enable: procedure("auth.mfa.enable")
    .input(mfaEnableInput)
    .mutation(async ({ ctx, input }) => {
      const user = await findUserById(ctx, ctx.session.userId);
      if (user.totpKey !== null) throw new ConflictError("Two-step verification is already on", { reason: "ALREADY_DONE" });
      if (user.totpPendingKey === null) throw new RuleError("Start the set-up again: no key is waiting for a code");
      await throttle(ctx, user.email);
      const now = ctx.deps.clock.now();
      const step = matchTotp(user.totpPendingKey, input.code, now, null);
      if (step === null) {
        await recordSignInFailure(ctx.deps.db, { email: user.email, ip: ctx.ip }, now);
        throw new RuleError(`${NOT_RIGHT}: check the time on your phone and try the next one`);
      }
      await withIdentity(ctx.deps.db, { userId: user.id }, (tx) =>
        tx.update(users).set({ totpKey: user.totpPendingKey, totpPendingKey: null, totpLastStep: step, updatedAt: now }).where(eq(users.id, user.id)),
      );
      const recoveryCodes = await replaceRecoveryCodes(ctx.deps.db, user.id, now);
      // Sessions opened with the password alone end: from now on every session has both factors.
      await invalidateUserSessions(ctx.deps.db, user.id, { exceptSessionId: ctx.session.id });
      await recordSecurityEvent(ctx, user.id, "mfa_enabled");
      return { recoveryCodes };
    }),

  /** Turns MFA off, with a current code (or a recovery code); refused while a clinic of the user requires it. */
  disable: procedure("auth.mfa.disable")
    .input(mfaDisableInput)
    .mutation(async ({ ctx, input }) => {
      const user = await findUserById(ctx, ctx.session.userId);
      if (user.totpKey === null) throw new ConflictError("Two-step verification is already off", { reason: "ALREADY_DONE" });
      const requiring = await clinicsRequiringMfa(ctx, user.id);
      if (requiring.length > 0) throw new RuleError(`${requiring.join(", ")} requires two-step verification of its staff`);
      if (!(await acceptSecondFactor(ctx, user, input.code))) throw new RuleError(NOT_RIGHT);
      await withIdentity(ctx.deps.db, { userId: user.id }, (tx) =>
        tx.update(users).set({ totpKey: null, totpPendingKey: null, totpLastStep: null, updatedAt: ctx.deps.clock.now() }).where(eq(users.id, user.id)),
      );
      await forgetSecondFactorState(ctx.deps.db, user.id, { recoveryCodes: true });
      await recordSecurityEvent(ctx, user.id, "mfa_disabled");
      return { enabled: false };
    }),

  /** The sign-in step after the password (or e-mailed code) of an account with MFA. */
  verify: procedure("auth.mfa.verify")
    .input(mfaVerifyInput)
    .mutation(async ({ ctx, input }) => {
      const pending = ctx.pendingSession;
      if (!pending) throw new UnauthorizedError("Sign in again: this step has expired");
      const now = ctx.deps.clock.now();
      if (now.getTime() - pending.createdAt.getTime() > PENDING_SIGN_IN_MS) {
        await invalidateSession(ctx.deps.db, pending);
        throw new UnauthorizedError("Sign in again: this step has expired");
      }
      const user = await findUserById(ctx, pending.userId);
      if (!(await acceptSecondFactor(ctx, user, input.code))) {
        await recordSecurityEvent(ctx, user.id, "sign_in_failed");
        throw new UnauthorizedError(NOT_RIGHT);
      }
      if (!(await completeSecondFactor(ctx.deps.db, pending))) throw new UnauthorizedError("Sign in again: this step has expired");
      if (input.rememberDevice) {
        const device = await rememberDevice(ctx.deps.db, user.id, now);
        ctx.responseHeaders.append("Set-Cookie", serializeDeviceCookie(device.token, { publicUrl: ctx.deps.publicUrl, expiresAt: device.expiresAt, now }));
      }
      await recordSecurityEvent(ctx, user.id, "sign_in");
      return { status: "signed_in" as const, user: publicUser(user) };
    }),
} satisfies TRPCRouterRecord;
