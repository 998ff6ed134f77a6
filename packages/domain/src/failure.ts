// What a failed call says, as both sides read it: a machine-readable reason (`error.data.reason`)
// and, for bad input, the message of each field by its path (`error.data.fieldErrors`).
import type { z } from "zod";

/**
 * Every reason the API gives, with when it is given. Clients branch on these, never on messages.
 * docs/api.md lists them all (a test checks it).
 */
export const REASONS = {
  INVALID_INPUT: "The input failed its schema; `fieldErrors` names each field and what is wrong with it.",
  INVALID_VALUE: "The database refused a value the schema let through (out of range, malformed).",
  INVALID_RANGE: "A from/to range is reversed or too long.",
  RULE_BROKEN: "The request breaks a business rule; the message says which.",
  SIGN_IN_REQUIRED: "The procedure needs a signed-in session.",
  WRONG_CREDENTIALS: "The e-mail and password (or one-time code) do not match.",
  WRONG_PASSWORD: "The current password given to change it is not right.",
  WEAK_PASSWORD: "The new password does not meet the password policy.",
  NO_ACTIVE_CLINIC: "The session has no clinic chosen yet.",
  NOT_A_MEMBER: "The signed-in user is not a member of that clinic.",
  ROLE_NOT_ALLOWED: "The caller's role may not call this procedure.",
  FORBIDDEN: "The signed-in account may not do this; the message says why (for example its e-mail is not confirmed yet).",
  MFA_REQUIRED: "The clinic requires two-step verification: the member turns it on in their account first.",
  NOT_YOUR_CALENDAR: "A practitioner may change only their own hours and time off.",
  OWNER_ONLY: "Only an owner can grant or take away the owner role.",
  INVITATION_FOR_ANOTHER_EMAIL: "The invitation was sent to another e-mail address.",
  INVITATION_EXPIRED: "The invitation link has expired.",
  NOT_FOUND: "The record does not exist in the caller's clinic (or the link is unknown or expired).",
  REFERENCE_NOT_FOUND: "The input refers to a record the clinic does not have.",
  ALREADY_EXISTS: "A record with that unique value exists already.",
  EMAIL_TAKEN: "An account with this e-mail exists already.",
  SLUG_TAKEN: "Another clinic uses that address.",
  SLOT_TAKEN: "Someone else booked that time a moment ago; `details.nextSlots` offers others.",
  SLOT_UNAVAILABLE: "That time is not free under the clinic's hours and rules; `details.nextSlots` offers others.",
  STALE_VERSION: "Someone else changed the record since the caller read it; reload and try again.",
  OUTSIDE_NOTICE: "Too close to the appointment to change it online (the clinic's cancellation notice).",
  INVALID_TRANSITION: "The appointment's status does not allow this change (for example it is cancelled).",
  NOT_STARTED: "Arrived, completed and no-show are set only once the appointment has started (arrived: up to 30 minutes before).",
  SERIES_CLASH: "An occurrence of the series is not free and the mode is all-or-nothing: nothing was booked; `details.clashes` lists the indexes.",
  NOT_IN_SERIES: "A scope of following or all was given for an appointment that belongs to no series.",
  NOT_OFFERED: "The practitioner does not offer that service.",
  IDEMPOTENCY_KEY_REUSED: "The booking attempt's key was already used for another time.",
  IN_USE: "The record is referenced (appointments on record): deactivate it instead.",
  ALREADY_DONE: "The change was made already (already archived, invitation already used, already a member).",
  NOTES_CLOSED_TO_ADMINS: "The clinic keeps clinical notes to its practitioners; an owner can open them to owners and admins.",
  NOTE_SIGNED: "The clinical note is signed and cannot change; write an amendment instead.",
  NOT_YOUR_NOTE: "Only the note's author may edit, sign or discard their draft.",
  RETENTION_PERIOD: "The patient's records must be kept for the clinic's legal retention period; the message says until when.",
  LAST_OWNER: "A clinic needs at least one owner.",
  WEBHOOK_TARGET_REFUSED: "The webhook address is inside the server's own network (loopback, private, link-local), which this deployment refuses.",
  USER_ALREADY_LINKED: "That sign-in already belongs to another practitioner.",
  API_KEY_INVALID: "The API key is unknown, revoked or expired (401).",
  API_KEY_SCOPE: "The API key lacks a scope this call needs; the message names it.",
  SESSION_ONLY: "This procedure needs a signed-in person: API keys cannot call it.",
  OFFER_GONE: "The waitlist offer's time went to someone else, was booked otherwise, or the offer expired.",
  SAME_PATIENT: "A patient cannot be merged into themselves.",
  FEATURE_OFF: "The clinic has switched this feature off (online booking, waitlist, calendar feeds); `details.flag` names the flag.",
  RATE_LIMITED: "Too many requests; wait (see `Retry-After` where given) and try again.",
  SERVICE_UNAVAILABLE: "The database is briefly away, the server is busy, or the request ran out of time (503); retry after `Retry-After`.",
  INTERNAL: "Something failed on the server; the message quotes a request id.",
} as const;

export type Reason = keyof typeof REASONS;

export const isReason = (value: unknown): value is Reason => typeof value === "string" && Object.hasOwn(REASONS, value);

/** Messages per field, keyed by the field's path joined with dots ("patient.email", "intervals.3.start"); "" is the input as a whole. */
export type FieldErrors = Record<string, string[]>;

/** The field errors of a failed zod parse, in the wire's shape. */
export function fieldErrorsOf(error: { issues: ReadonlyArray<Pick<z.core.$ZodIssue, "path" | "message">> }): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    (fieldErrors[path] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** The first message per field, for a form that shows one line under each field. */
export function firstMessages(fieldErrors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).flatMap(([path, messages]) => (messages[0] ? [[path, messages[0]]] : [])));
}
