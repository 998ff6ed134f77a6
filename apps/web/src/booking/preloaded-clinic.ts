// The clinic answer that came with the page: written into it by the server (a JSON block,
// apps/server/src/booking-shell.ts, ADR 0052), or else asked for by index.html's inline script
// while the scripts were downloading. The booking route's loader takes it once (a later visit asks
// the API as usual); any failure there falls back to the normal request, which then shows the
// page's own error.
import type { PublicClinic, SlotsAnswer } from "../api/types";

interface PreloadedClinic {
  slug: string;
  answer: Promise<{ result?: { data?: PublicClinic } } | null>;
}

declare global {
  interface Window {
    __frontdeskClinic?: PreloadedClinic;
  }
}

/** The id of the server's JSON block; index.html's inline script looks for it too. */
const CLINIC_BLOCK_ID = "frontdesk-clinic";

function takeWrittenClinic(clinicSlug: string): PublicClinic | undefined {
  const block = typeof document === "undefined" ? null : document.getElementById(CLINIC_BLOCK_ID);
  if (!block) return undefined;
  block.remove();
  try {
    const written = JSON.parse(block.textContent ?? "") as { slug?: string; clinic?: PublicClinic };
    return written.slug === clinicSlug ? written.clinic : undefined;
  } catch {
    return undefined;
  }
}

/** The id of the server's block with the time step's free times (ADR 0063). */
const SLOTS_BLOCK_ID = "frontdesk-slots";

/** `public.slots`' input and answer as the server wrote them for the time step it drew. */
export interface WrittenSlots {
  input: { clinicSlug: string; serviceId: string; practitionerId?: string; from: string; to: string };
  answer: SlotsAnswer;
}

/** The free times the server wrote with the time step, once: the app's query cache takes them, so it shows the same month without asking. */
export function takeWrittenSlots(clinicSlug: string): WrittenSlots | undefined {
  const block = typeof document === "undefined" ? null : document.getElementById(SLOTS_BLOCK_ID);
  if (!block) return undefined;
  block.remove();
  try {
    const written = JSON.parse(block.textContent ?? "") as Partial<WrittenSlots>;
    return written.input?.clinicSlug === clinicSlug && Array.isArray(written.answer?.days) ? (written as WrittenSlots) : undefined;
  } catch {
    return undefined;
  }
}

export async function takePreloadedClinic(clinicSlug: string): Promise<PublicClinic | undefined> {
  const written = takeWrittenClinic(clinicSlug);
  if (written) return written;
  const preloaded = typeof window === "undefined" ? undefined : window.__frontdeskClinic;
  if (!preloaded || preloaded.slug !== clinicSlug) return undefined;
  delete window.__frontdeskClinic;
  const answer = await preloaded.answer;
  return answer?.result?.data ?? undefined;
}
