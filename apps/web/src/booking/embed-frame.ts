// The booking page inside a clinic's own website (ADR 0051). Only a framed page of a clinic that
// registered sites loads the rest (embed-messages.ts): the booking page's first script stays lean.
import { useEffect } from "react";

/** While the page is framed by one of `registered`: its height and Escape go to that site. */
export function useEmbedFrame(registered: readonly string[]) {
  useEffect(() => {
    if (window.parent === window || registered.length === 0) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("./embed-messages").then((messages) => {
      if (!cancelled) stop = messages.startEmbedMessages(registered);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [registered]);
}
