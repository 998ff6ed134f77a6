// Accounts and sessions (auth.*).
import { z } from "zod";
import { email, id, password, personName, token } from "./fields";

/** The password policy (length, not the e-mail) is added by the server (`passwordProblem`). */
export const signUpInput = z.object({ name: personName, email, password });
export const signInInput = z.object({ email, password });
export const requestCodeInput = z.object({ email });
export const verifyCodeInput = z.object({ email, code: z.string().trim().max(6, "The code has 6 digits").regex(/^\d{6}$/, "The code has 6 digits") });
export const switchClinicInput = z.object({ clinicId: id });
export const changePasswordInput = z.object({ currentPassword: password, newPassword: password });
export const revokeSessionInput = z.object({ sessionId: token(128, "Not a session") });
