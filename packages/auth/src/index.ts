// @frontdesk/auth: sessions, passwords, sign-in throttling, one-time codes, capability tokens,
// CSRF and cookies. Web-standard only; the native argon2 hasher is "@frontdesk/auth/argon2".
export {
  DEFAULT_SESSION_SETTINGS,
  SESSION_RENEWAL_INTERVAL_MS,
  createSession,
  invalidateSession,
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
  countLoginCodesIssuedSince,
  issueLoginCode,
  verifyLoginCode,
  type LoginCodeResult,
} from "./codes";
export { createCapabilityToken, parseCapabilityToken } from "./capability";
export { isCrossSiteRequest } from "./csrf";
export { readSessionToken, serializeBlankSessionCookie, serializeSessionCookie, sessionCookieName } from "./cookies";
