// @frontdesk/auth: sessions, passwords, sign-in throttling, one-time codes, password resets, the
// second factor (TOTP, recovery codes, remembered devices), capability tokens, CSRF and cookies.
// Web-standard only; the native argon2 hasher is "@frontdesk/auth/argon2".
export {
  DEFAULT_SESSION_SETTINGS,
  SESSION_RENEWAL_INTERVAL_MS,
  completeSecondFactor,
  createSession,
  invalidateSession,
  isSessionCurrent,
  invalidateUserSessions,
  listUserSessions,
  setActiveClinic,
  validateSessionToken,
  type SessionRecord,
  type SessionSettings,
} from "./sessions";
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  createInsecureTestHasher,
  passwordProblem,
  type PasswordHasher,
} from "./password";
export {
  THROTTLE_FREE_FAILURES,
  THROTTLE_FREE_FAILURES_PER_IP,
  THROTTLE_MAX_DELAY_SECONDS,
  accountThrottleKey,
  checkSignInAllowed,
  ipThrottleKey,
  recordSignInFailure,
  recordSignInSuccess,
  throttleDelaySeconds,
  type ThrottleKey,
} from "./throttle";
export {
  LOGIN_CODE_MAX_ATTEMPTS,
  LOGIN_CODE_TTL_MS,
  checkLoginCode,
  countLoginCodesIssuedSince,
  issueLoginCode,
  verifyLoginCode,
  type LoginCodeCheck,
  type LoginCodePurpose,
  type LoginCodeResult,
  type PendingAccount,
} from "./codes";
export { PASSWORD_RESET_TTL_MS, consumePasswordReset, countPasswordResetsSince, findPasswordReset, issuePasswordReset } from "./password-reset";
export {
  RECOVERY_CODE_COUNT,
  REMEMBERED_DEVICE_TTL_MS,
  countRecoveryCodesLeft,
  forgetSecondFactorState,
  generateTotpKey,
  isRememberedDevice,
  matchTotp,
  rememberDevice,
  replaceRecoveryCodes,
  totpAt,
  totpKeyUri,
  useRecoveryCode,
} from "./mfa";
export { createCapabilityToken, parseCapabilityToken } from "./capability";
export { createApiKey, parseApiKey, readApiKey } from "./api-keys";
export { createFeedToken, parseFeedToken } from "./calendar-feeds";
export { isCrossSiteRequest } from "./csrf";
export { readDeviceToken, readSessionToken, serializeBlankSessionCookie, serializeDeviceCookie, serializeSessionCookie, sessionCookieName } from "./cookies";
export { constantTimeStringEqual, sha256Hex } from "./crypto";
