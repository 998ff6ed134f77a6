// The clinic answer index.html's inline script asked for while the scripts were downloading. The
// booking route's loader takes it once (a later visit asks the API as usual); any failure there
// falls back to the normal request, which then shows the page's own error.
import type { PublicClinic } from "../api/types";

interface PreloadedClinic {
  slug: string;
  answer: Promise<{ result?: { data?: PublicClinic } } | null>;
}

declare global {
  interface Window {
    __frontdeskClinic?: PreloadedClinic;
  }
}

export async function takePreloadedClinic(clinicSlug: string): Promise<PublicClinic | undefined> {
  const preloaded = typeof window === "undefined" ? undefined : window.__frontdeskClinic;
  if (!preloaded || preloaded.slug !== clinicSlug) return undefined;
  delete window.__frontdeskClinic;
  const answer = await preloaded.answer;
  return answer?.result?.data ?? undefined;
}
