// public.book: the clinic's privacy notice, accepted with the booking (ADR 0037). A clinic with a
// notice takes no booking without it, and a page showing an older version must show the new one.
import { ConflictError, InvalidFieldsError } from "../../../errors";
import type { Clinic } from "../scope";

/** The notice version the booking records, or null when the clinic has none. */
export function acceptedNotice(clinic: Clinic, accepted: string | undefined): string | null {
  const current = clinic.privacyNoticeUrl ? clinic.privacyNoticeVersion : null;
  if (current === null) return null;
  if (accepted === undefined) {
    const message = `Please accept ${clinic.name}'s privacy notice to book`;
    throw new InvalidFieldsError(message, { privacyNoticeVersion: [message] });
  }
  if (accepted !== current) throw new ConflictError(`${clinic.name} has updated its privacy notice: please read it again`, { reason: "STALE_VERSION" });
  return current;
}
