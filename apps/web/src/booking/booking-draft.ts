// What the patient typed and what the booking answered, kept in this tab's sessionStorage so a
// reload or Back keeps them (ADR 0041). Personal details never go in the address: a URL is shared,
// logged and kept in history; sessionStorage ends with the tab. One draft per clinic.
import { useCallback, useState } from "react";
import type { BookAnswer } from "../api/types";
import { bookingDraftKey } from "./booking-steps";
import { emptyDetails, type DetailsValues } from "./DetailsStep";
import { isIntakeDraft, type IntakeDraft } from "./intake-draft";

export interface BookingDraft {
  details: DetailsValues;
  /** The patient has sent the details form once (later visits to it keep the values). */
  detailsDone: boolean;
  /** The idempotency key of the current attempt: a reload and a retry send the same one. */
  attemptKey?: string;
  /** The intake answers and privacy consent, for the service they were given for (ADR 0037). */
  intake?: IntakeDraft;
  /** The last booking's answer, for the "booked" page (and its reload). */
  booked?: BookAnswer;
}

const emptyDraft: BookingDraft = { details: emptyDetails, detailsDone: false };

const storageKey = bookingDraftKey;

function isDetails(value: unknown): value is DetailsValues {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return ["name", "email", "phone", "note"].every((field) => typeof record[field] === "string");
}

/** The stored draft, or an empty one when there is none, it is unreadable, or storage is off. */
export function readBookingDraft(clinicSlug: string): BookingDraft {
  try {
    const raw = window.sessionStorage.getItem(storageKey(clinicSlug));
    if (!raw) return emptyDraft;
    const parsed = JSON.parse(raw) as Partial<BookingDraft>;
    return {
      details: isDetails(parsed.details) ? parsed.details : emptyDetails,
      detailsDone: parsed.detailsDone === true && isDetails(parsed.details),
      ...(typeof parsed.attemptKey === "string" ? { attemptKey: parsed.attemptKey } : {}),
      ...(parsed.booked && typeof parsed.booked === "object" ? { booked: parsed.booked } : {}),
      ...(isIntakeDraft(parsed.intake) ? { intake: parsed.intake } : {}),
    };
  } catch {
    return emptyDraft;
  }
}

function writeBookingDraft(clinicSlug: string, draft: BookingDraft) {
  try {
    window.sessionStorage.setItem(storageKey(clinicSlug), JSON.stringify(draft));
  } catch {
    // Storage full or switched off: the flow still works, it only forgets on reload.
  }
}

/** The clinic's draft as state, written through to sessionStorage on every change. */
export function useBookingDraft(clinicSlug: string): [BookingDraft, (change: Partial<BookingDraft>) => void] {
  const [draft, setDraft] = useState(() => readBookingDraft(clinicSlug));
  const update = useCallback(
    (change: Partial<BookingDraft>) =>
      setDraft((previous) => {
        const next = { ...previous, ...change };
        writeBookingDraft(clinicSlug, next);
        return next;
      }),
    [clinicSlug],
  );
  return [draft, update];
}
