// Accounts and sessions (auth.*).
import { z } from "zod";
import { email, id, password, patientLanguageInput, personName, token } from "./fields";

/** The password policy (length, not the e-mail) is added by the server (`passwordProblem`). */
export const signUpInput = z.object({ name: personName, email, password });
export const signInInput = z.object({ email, password });
/** `language`: the page the code was asked from speaks it, so the mail does too (patient pages; staff get English). */
export const requestCodeInput = z.object({ email, language: patientLanguageInput });
export const verifyCodeInput = z.object({ email, code: z.string().trim().max(6, "The code has 6 digits").regex(/^\d{6}$/, "The code has 6 digits") });
export const switchClinicInput = z.object({ clinicId: id });
export const changePasswordInput = z.object({ currentPassword: password, newPassword: password });
export const requestPasswordResetInput = z.object({ email });
export const resetPasswordInput = z.object({ token: token(100, "Not a reset link"), newPassword: password });
export const revokeSessionInput = z.object({ sessionId: token(128, "Not a session") });

/** Six digits from the authenticator app, or a recovery code such as "abcde-fghij". */
const secondFactorCode = z
  .string()
  .trim()
  .min(6, "Enter the 6-digit code or a recovery code")
  .max(20, "Enter the 6-digit code or a recovery code")
  .regex(/^[0-9a-zA-Z\s-]+$/, "Enter the 6-digit code or a recovery code");
export const mfaEnableInput = z.object({ code: z.string().trim().max(6, "The code has 6 digits").regex(/^\d{6}$/, "The code has 6 digits") });
export const mfaDisableInput = z.object({ code: secondFactorCode });
export const mfaVerifyInput = z.object({ code: secondFactorCode, rememberDevice: z.boolean().default(false) });
