// What the intake step (IntakeStep.tsx, loaded only when shown) leaves in the booking draft.
import type { IntakeAnswerMap } from "@frontdesk/domain";

/** What the intake step leaves in the draft for the confirmation to send. */
export interface IntakeDraft {
  serviceId: string;
  /** Null when the service asks no questions. */
  formVersionId: string | null;
  answers: IntakeAnswerMap;
  /** The notice version accepted; null when the clinic has none. */
  privacyNoticeVersion: string | null;
}

export function isIntakeDraft(value: unknown): value is IntakeDraft {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.serviceId === "string" && (v.formVersionId === null || typeof v.formVersionId === "string") && typeof v.answers === "object" && v.answers !== null;
}
