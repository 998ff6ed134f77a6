// The framed booking page's side of the widget (ADR 0051): the snippet's /embed.js sizes the
// frame to the page, so the page tells its parent its height, and asks the dialog to close on
// Escape (a key pressed inside a cross-origin frame never reaches the parent's <dialog>). Both go
// only to the framing site, and only when it is one the clinic registered: never to "*".
const REMEMBERED = "frontdesk.embed-parent";

/** The framing site's origin: what the browser says (Chromium, Safari), else what /embed.js put in `?embed=`. */
function framingOrigin(): string | null {
  if (window.parent === window) return null;
  // Firefox has no ancestorOrigins.
  const seen = "ancestorOrigins" in window.location ? window.location.ancestorOrigins.item(0) : null;
  const told = new URLSearchParams(window.location.search).get("embed");
  try {
    // Kept for this tab: "book another" reloads the page without the parameter.
    if (told) sessionStorage.setItem(REMEMBERED, told);
    return seen ?? told ?? sessionStorage.getItem(REMEMBERED);
  } catch {
    // Storage refused to a third-party frame: the parameter alone.
    return seen ?? told;
  }
}

export type EmbedMessage = { type: "frontdesk:height"; height: number } | { type: "frontdesk:escape" };

/** Starts telling the framing site, if it is one of `registered`, the page's height and Escape; returns the stop. */
export function startEmbedMessages(registered: readonly string[]): () => void {
  const parent = framingOrigin();
  if (parent === null || !registered.includes(parent)) return () => undefined;
  const tell = (message: EmbedMessage) => window.parent.postMessage(message, parent);
  const sizes = new ResizeObserver(() => tell({ type: "frontdesk:height", height: Math.ceil(document.documentElement.getBoundingClientRect().height) }));
  sizes.observe(document.documentElement);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !event.defaultPrevented) tell({ type: "frontdesk:escape" });
  };
  // The manage page may not be framed (its link is a capability): the full link opens a tab.
  const onClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href*='/booking/']") : null;
    if (link) link.target = "_blank";
  };
  document.addEventListener("keydown", onKey);
  document.addEventListener("click", onClick, true);
  return () => {
    sizes.disconnect();
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("click", onClick, true);
  };
}
