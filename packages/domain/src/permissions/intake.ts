import type { Access } from ".";

/**
 * Intake forms and the patient's data rights (ADR 0037, 0038). Admins define the questions and the
 * clinic's privacy notice and retention; intake answers are clinical content, read like notes by
 * practitioners, owners and admins, never receptionists. Patients answer from the public pages.
 */
const admins = ["owner", "admin"] as const;

export const intakeAccess = {
  "intake.form": ["owner", "admin", "practitioner", "receptionist"],
  "intake.saveForm": admins,
  "intake.answers": ["owner", "admin", "practitioner"],
  "intake.privacyNotice": admins,
  "intake.setPrivacyNotice": admins,
  "public.intakeForm": "anyone",
  "public.booking.intake": "anyone",
  "public.booking.answerIntake": "anyone",
  // Erasure anonymises a patient for good: the people who answer for the clinic's records.
  "patients.erase": admins,
  "retention.get": admins,
  "retention.set": ["owner"],
} as const satisfies Record<string, Access>;
